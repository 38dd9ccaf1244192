import type { FakeGraph, FakeGraphRequest } from '../server/testing/fake-graph-api.ts';
import { metaJson, type ChannelAddress } from '../server/testing/webhook-payloads.ts';
import { createWebhookClient, type PostResult } from '../server/testing/webhook-client.ts';
import { cpuBetween, type CpuSnapshot } from './cpu.ts';
import type { PhaseResult } from './load.ts';
import { menuSteps } from './menu-flow.ts';

export interface MenuContact {
  waId: string;
  name: string;
  channel: ChannelAddress;
}

/** The realistic delivery mix (fractions of inbound messages), as the issue measured Meta. */
export const deliveryMix = { duplicate: 0.05, swapped: 0.02, batched: 0.05, forged: 0.01 };

/** One message a contact sent: what it must get back, and when its first delivery was posted. */
interface Inbound {
  contact: string;
  index: number;
  step: 'greeting' | 'button' | 'row';
  message: Record<string, unknown>;
  postedAt: number;
}

interface MixCounts {
  duplicates: number;
  swappedPairs: number;
  batches: number;
  forged: number;
  forgedAccepted: number;
}

export interface MenuPhaseResult extends PhaseResult {
  mix: MixCounts;
  /** Replies of the wrong kind for their step (a list where a text was due…): the flow went astray. */
  wrong: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());
const expectedReplies = (step: Inbound['step']) => (step === 'row' ? menuSteps.row.replies : 1);

/** Deterministic, so two runs send the same mix (mulberry32). */
function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Contacts walking the menu flow in a loop (button → row → button…), delivered with Meta's
 * realistic mess: duplicates (at once, a second later, or re-wrapped in a new envelope with an
 * earlier message), pairs of one contact's consecutive messages delivered swapped, deliveries
 * batching several contacts, and forged signatures (which must be refused). Each contact's
 * messages carry strictly increasing timestamps, so the right order is always knowable; every
 * reply is matched to the message it answers by counting, per contact, the replies each step owes.
 */
export function createMenuLoad(
  serverUrl: string,
  appSecret: string,
  fake: FakeGraph,
  contacts: MenuContact[],
  readCpu: () => CpuSnapshot,
) {
  const client = createWebhookClient(serverUrl, { maxSockets: 64 });
  const random = seededRandom(7);
  const byContact = new Map(contacts.map((c) => [c.waId, { contact: c, sent: [] as Inbound[] }]));
  // Timestamps from two hours ago, one second apart per contact: strictly increasing and never in the future.
  const timelineStart = Math.floor(Date.now() / 1000) - 7200;
  let turn = 0;
  let wamids = 0;

  function nextInbound(waId: string): Inbound {
    const state = byContact.get(waId)!;
    const index = state.sent.length;
    const step: Inbound['step'] = index === 0 ? 'greeting' : index % 2 === 1 ? 'button' : 'row';
    const message: Record<string, unknown> = {
      from: waId,
      id: `wamid.menu.${++wamids}`,
      timestamp: String(timelineStart + index),
    };
    if (step === 'greeting') Object.assign(message, { type: 'text', text: { body: 'oi' } });
    else {
      const reply = step === 'button' ? menuSteps.button.reply(index) : menuSteps.row.reply(index);
      const kind = step === 'row' ? 'list_reply' : 'button_reply';
      Object.assign(message, {
        type: 'interactive',
        interactive: { type: kind, [kind]: { id: reply.id, title: reply.title } },
      });
    }
    const inbound: Inbound = { contact: waId, index, step, message, postedAt: 0 };
    state.sent.push(inbound);
    return inbound;
  }

  /** Meta's envelope for messages of one or more contacts (each change names its number). */
  function envelope(messages: Inbound[]): string {
    return metaJson({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '0',
          changes: messages.map((m) => {
            const c = byContact.get(m.contact)!.contact;
            return {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: c.channel.displayPhone, phone_number_id: c.channel.phoneNumberId },
                contacts: [{ profile: { name: c.name }, wa_id: c.waId }],
                messages: [m.message],
              },
            };
          }),
        },
      ],
    });
  }

  interface Delivery {
    body: string;
    secret: string;
    carries: Inbound[];
  }

  /** The next deliveries a poster makes (usually one), and the mix counted along. */
  function nextDeliveries(mix: MixCounts, firstStep = false): { now: Delivery[]; later: Delivery[] } {
    const waId = contacts[turn++ % contacts.length]!.waId;
    const r = firstStep ? 1 : random();
    const one = nextInbound(waId);
    const plain = (carries: Inbound[]): Delivery => ({ body: envelope(carries), secret: appSecret, carries });
    if (r < deliveryMix.forged) {
      mix.forged++;
      // A stranger's delivery for this contact, signed with a wrong secret: must be refused, never run.
      const forged = { ...one.message, id: `wamid.forged.${++wamids}` };
      const c = byContact.get(waId)!.contact;
      const body = metaJson({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: '0',
            changes: [
              {
                field: 'messages',
                value: {
                  messaging_product: 'whatsapp',
                  metadata: { display_phone_number: c.channel.displayPhone, phone_number_id: c.channel.phoneNumberId },
                  contacts: [{ profile: { name: c.name }, wa_id: c.waId }],
                  messages: [forged],
                },
              },
            ],
          },
        ],
      });
      return { now: [plain([one]), { body, secret: 'not-the-app-secret', carries: [] }], later: [] };
    }
    if (r < deliveryMix.forged + deliveryMix.duplicate) {
      mix.duplicates++;
      const kind = Math.floor(random() * 3);
      if (kind === 0) return { now: [plain([one]), plain([one])], later: [] };
      if (kind === 1) return { now: [plain([one])], later: [plain([one])] };
      // Re-wrapped: delivered again later in a new envelope, with the contact's previous message too.
      const previous = byContact.get(waId)!.sent.at(-2);
      return { now: [plain([one])], later: [plain(previous ? [previous, one] : [one])] };
    }
    if (r < deliveryMix.forged + deliveryMix.duplicate + deliveryMix.swapped) {
      mix.swappedPairs++;
      const second = nextInbound(waId);
      // The later message first; the earlier right after (both in flight at once).
      return { now: [plain([second]), plain([one])], later: [] };
    }
    if (r < deliveryMix.forged + deliveryMix.duplicate + deliveryMix.swapped + deliveryMix.batched) {
      mix.batches++;
      const others = Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
        nextInbound(contacts[turn++ % contacts.length]!.waId),
      );
      return { now: [plain([one, ...others])], later: [] };
    }
    return { now: [plain([one])], later: [] };
  }

  async function post(d: Delivery, webhookMs: number[], refused: { n: number }, mix: MixCounts): Promise<void> {
    const startedAt = Date.now();
    for (const m of d.carries) if (!m.postedAt) m.postedAt = startedAt;
    const result: PostResult = await client.post(d.body, d.secret);
    if (d.secret !== appSecret) {
      if (result.status === 200) mix.forgedAccepted++;
      return;
    }
    webhookMs.push(result.ms);
    if (result.status !== 200) refused.n++;
  }

  /** BENCH_EXPLAIN=1: a contact's messages and the sends it got, in the order they happened (for tuning). */
  function explain(waId: string, got: FakeGraphRequest[]) {
    const lines = [
      ...byContact.get(waId)!.sent.map((m) => ({
        at: m.postedAt,
        text: `in  ${m.step} ${String(m.message.id)} ts=${String(m.message.timestamp)}`,
      })),
      ...got.map((s) => ({ at: s.at.getTime(), text: `out ${JSON.stringify(s.body).slice(0, 140)}` })),
    ].sort((a, b) => a.at - b.at);
    process.stdout.write(`contact ${waId}:\n${lines.map((l) => `  ${l.at} ${l.text}`).join('\n')}\n`);
  }

  /** Matches, per contact, the sends received to the messages owed replies, in order. */
  function settle(phase: Inbound[]): {
    replyMs: number[];
    missing: number;
    duplicated: number;
    wrong: number;
    lastReply: number;
  } {
    const sends = new Map<string, FakeGraphRequest[]>();
    for (const s of fake.sent()) {
      const to = ((s.body as { to?: string }).to ?? '').replace(/^\+/, '');
      sends.set(to, [...(sends.get(to) ?? []), s]);
    }
    const inPhase = new Set(phase);
    let missing = 0;
    let duplicated = 0;
    let wrong = 0;
    let lastReply = 0;
    let wrongBefore = 0;
    let explained = 0;
    const replyMs: number[] = [];
    for (const [waId, state] of byContact) {
      const got = sends.get(waId) ?? [];
      let cursor = 0;
      for (const m of state.sent) {
        const owed = expectedReplies(m.step);
        const mine = got.slice(cursor, cursor + owed);
        cursor += owed;
        if (!inPhase.has(m)) continue;
        if (mine.length < owed) {
          missing++;
          continue;
        }
        const first = mine[0]!;
        const kindOf = (s: FakeGraphRequest) =>
          (s.body as { interactive?: { type?: string }; type?: string }).interactive?.type ??
          (s.body as { type?: string }).type;
        const shape = mine.map(kindOf).join('+');
        const due = m.step === 'button' ? 'list' : m.step === 'row' ? 'text+button' : 'button';
        if (shape !== due) wrong++;
        replyMs.push(first.at.getTime() - m.postedAt);
        lastReply = Math.max(lastReply, mine.at(-1)!.at.getTime());
      }
      // Sends beyond everything owed: some message was answered twice.
      const extra = state.sent.length && phase.some((m) => m.contact === waId) ? Math.max(0, got.length - cursor) : 0;
      duplicated += extra;
      if (process.env.BENCH_EXPLAIN && (extra > 0 || wrong > wrongBefore) && explained++ < 3) explain(waId, got);
      wrongBefore = wrong;
    }
    return { replyMs, missing, duplicated, wrong, lastReply };
  }

  async function collect(
    name: string,
    phase: Inbound[],
    webhookMs: number[],
    refused: number,
    mix: MixCounts,
    seconds: number,
    cpuAtStart: CpuSnapshot,
    drainMs = 60_000,
  ): Promise<MenuPhaseResult> {
    const owed = [...byContact.values()].reduce(
      (n, s) => n + s.sent.reduce((k, m) => k + expectedReplies(m.step), 0),
      0,
    );
    const deadline = Date.now() + drainMs;
    while (Date.now() < deadline && fake.sent().length < owed) await sleep(100);
    // Late duplicates would come from re-sends: let the status webhooks settle (bounded) before counting.
    await Promise.race([fake.statusCallbacksIdle(), sleep(drainMs)]);
    const cpu = cpuBetween(cpuAtStart, readCpu());
    const phaseStart = Math.min(...phase.map((m) => m.postedAt));
    const s = settle(phase);
    return {
      name,
      sent: phase.length,
      acknowledged: phase.length - refused,
      seconds,
      webhookMs,
      replyMs: s.replyMs,
      missing: s.missing,
      duplicated: s.duplicated,
      cpu,
      repliedSeconds: (s.lastReply - phaseStart) / 1000,
      refused,
      mix,
      wrong: s.wrong,
    };
  }

  const emptyMix = (): MixCounts => ({ duplicates: 0, swappedPairs: 0, batches: 0, forged: 0, forgedAccepted: 0 });
  const phaseMessages = (before: number) =>
    [...byContact.values()].flatMap((s) => s.sent).filter((m) => m.postedAt >= before);

  return {
    /** Each contact says "oi" once and gets the greeting's buttons (not measured). */
    async warmup(): Promise<void> {
      const owed = fake.sent().length + contacts.length;
      const answers = await Promise.all(contacts.map((c) => client.post(envelope([nextInbound(c.waId)]), appSecret)));
      if (answers.some((a) => a.status !== 200)) throw new Error('menu warm-up: a webhook was not answered 200');
      await fake.waitForSent(owed, 60_000);
      await Promise.race([fake.statusCallbacksIdle(), sleep(60_000)]);
    },

    /** As fast as `concurrency` posters go, for at most `seconds` or `maxMessages` messages. */
    async saturate(seconds: number, maxMessages: number, concurrency = 64): Promise<MenuPhaseResult> {
      const mix = emptyMix();
      const webhookMs: number[] = [];
      const refused = { n: 0 };
      const later: Promise<void>[] = [];
      const cpu = readCpu();
      const before = Date.now();
      const started = performance.now();
      const end = started + seconds * 1000;
      let messages = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (performance.now() < end && messages + concurrency <= maxMessages) {
            const d = nextDeliveries(mix);
            messages += d.now.reduce((n, x) => n + x.carries.length, 0);
            for (const x of d.later) later.push(sleep(1000).then(() => post(x, webhookMs, refused, mix)));
            await Promise.all(d.now.map((x) => post(x, webhookMs, refused, mix)));
          }
        }),
      );
      await Promise.all(later);
      const phase = phaseMessages(before);
      return collect('menu saturation', phase, webhookMs, refused.n, mix, (performance.now() - started) / 1000, cpu);
    },

    /** `rate` deliveries a second, spread evenly, for `seconds`. */
    async paced(rate: number, seconds: number): Promise<MenuPhaseResult> {
      const mix = emptyMix();
      const webhookMs: number[] = [];
      const refused = { n: 0 };
      const inFlight: Promise<void>[] = [];
      const total = Math.round(rate * seconds);
      const cpu = readCpu();
      const before = Date.now();
      const started = performance.now();
      let posted = 0;
      while (posted < total) {
        const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
        while (posted < due) {
          const d = nextDeliveries(mix);
          posted++;
          for (const x of d.now) inFlight.push(post(x, webhookMs, refused, mix));
          for (const x of d.later) inFlight.push(sleep(1000).then(() => post(x, webhookMs, refused, mix)));
        }
        await sleep(2);
      }
      await Promise.all(inFlight);
      const phase = phaseMessages(before);
      return collect(
        `menu paced ${rate}/s`,
        phase,
        webhookMs,
        refused.n,
        mix,
        (performance.now() - started) / 1000,
        cpu,
      );
    },

    close: () => client.close(),
  };
}

export function summarizeMix(r: MenuPhaseResult): string {
  const m = r.mix;
  return `  mix: ${m.duplicates} duplicated deliveries, ${m.swappedPairs} swapped pairs, ${m.batches} multi-contact batches, ${m.forged} forged (${m.forgedAccepted} accepted); replies of the wrong kind ${r.wrong}`;
}

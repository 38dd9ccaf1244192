import type { FakeGraph } from '../server/testing/fake-graph-api.ts';
import { messageWebhook, metaJson, type ChannelAddress } from '../server/testing/webhook-payloads.ts';
import { createWebhookClient, type PostResult } from '../server/testing/webhook-client.ts';
import { cpuBetween, type CpuReading, type CpuSnapshot } from './cpu.ts';
import type { SoakMessage } from './soak.ts';
import { percentile } from './stats.ts';

export interface SimContact {
  waId: string;
  name: string;
  channel: ChannelAddress;
}

export interface PhaseResult {
  name: string;
  sent: number;
  acknowledged: number;
  seconds: number;
  webhookMs: number[];
  replyMs: number[];
  missing: number;
  duplicated: number;
  /** CPU used from the phase's start until its replies and status webhooks settled. */
  cpu: CpuReading;
  /** From the phase's first webhook to the last reply the fake Graph API received. */
  repliedSeconds: number;
  /** Webhooks not answered 200 (counted in `missing`: Meta would deliver them again). */
  refused: number;
}

/** Unref'd: a bounded wait that lost its race must not keep the benchmark process alive. */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());

/**
 * Drives simulated contacts over one keep-alive webhook client and matches each inbound text
 * to the echo the fake Graph API received ("Recebi: <text>"), for answer and reply latencies.
 */
export function createLoad(
  serverUrl: string,
  appSecret: string,
  fake: FakeGraph,
  contacts: SimContact[],
  readCpu: () => CpuSnapshot,
) {
  const client = createWebhookClient(serverUrl, { maxSockets: 64 });
  let counter = 0;
  let turn = 0;

  function post(phase: string): { text: string; contact: string; startedAt: number; done: Promise<PostResult> } {
    const contact = contacts[turn++ % contacts.length]!;
    const n = ++counter;
    const text = `${phase}-${n}`;
    const body = metaJson(
      messageWebhook({
        ...contact.channel,
        wamid: `wamid.bench.${n}`,
        from: contact.waId,
        name: contact.name,
        timestamp: new Date(),
        text,
      }),
    );
    const startedAt = Date.now();
    return { text, contact: contact.waId, startedAt, done: client.post(body, appSecret) };
  }

  /** Waits (bounded) until each text has its echo, then measures. */
  async function collect(
    name: string,
    posted: { text: string; startedAt: number; result: PostResult }[],
    seconds: number,
    cpuAtStart: CpuSnapshot,
    drainMs = 60_000,
  ): Promise<PhaseResult> {
    const phaseStart = Math.min(...posted.map((p) => p.startedAt));
    const wanted = new Set(posted.filter((p) => p.result.status === 200).map((p) => `Recebi: ${p.text}`));
    const replies = new Map<string, number[]>();
    const deadline = Date.now() + drainMs;
    let seen = 0;
    for (;;) {
      const sent = fake.sent();
      for (; seen < sent.length; seen++) {
        const r = sent[seen]!;
        const text = (r.body as { text?: { body?: string } }).text?.body ?? '';
        if (wanted.has(text)) replies.set(text, [...(replies.get(text) ?? []), r.at.getTime()]);
      }
      if (replies.size >= wanted.size || Date.now() > deadline) break;
      await sleep(100);
    }
    // Late duplicates would come from re-sends; give the status webhooks time to settle too (bounded).
    await Promise.race([fake.statusCallbacksIdle(), sleep(drainMs)]);
    const cpu = cpuBetween(cpuAtStart, readCpu());
    const replyMs: number[] = [];
    let duplicated = 0;
    let lastReply = phaseStart;
    for (const p of posted) {
      const at = replies.get(`Recebi: ${p.text}`);
      if (!at) continue;
      replyMs.push(at[0]! - p.startedAt);
      lastReply = Math.max(lastReply, at[0]!);
      duplicated += at.length - 1;
    }
    // BENCH_TIMELINE=1 prints webhooks answered and first replies per second (for tuning).
    if (process.env.BENCH_TIMELINE) {
      const acks = new Array(40).fill(0),
        reps = new Array(40).fill(0);
      for (const p of posted) {
        const s = Math.floor((p.startedAt + p.result.ms - phaseStart) / 1000);
        if (s < 40) acks[s]++;
      }
      for (const at of replies.values()) {
        const s = Math.floor((at[0]! - phaseStart) / 1000);
        if (s < 40) reps[s]++;
      }
      process.stdout.write(`timeline acks/s: ${acks.join(' ')}\ntimeline replies/s: ${reps.join(' ')}\n`);
    }
    return {
      name,
      sent: posted.length,
      acknowledged: wanted.size,
      seconds,
      webhookMs: posted.map((p) => p.result.ms),
      replyMs,
      missing: wanted.size - replies.size + posted.filter((p) => p.result.status !== 200).length,
      duplicated,
      cpu,
      repliedSeconds: (lastReply - phaseStart) / 1000,
      refused: posted.filter((p) => p.result.status !== 200).length,
    };
  }

  return {
    /** One message per contact, not measured: sessions start (greeting) and code warms up. */
    async warmup(): Promise<void> {
      const greetings = fake.sent().length + contacts.length;
      const answers = await Promise.all(contacts.map(() => post('warmup').done));
      const refused = answers.filter((a) => a.status !== 200).length;
      if (refused) throw new Error(`warm-up: ${refused} webhooks not answered 200`);
      await fake.waitForSent(greetings, 60_000);
      await Promise.race([fake.statusCallbacksIdle(), sleep(60_000)]);
    },

    /** As fast as `concurrency` posters go, for at most `seconds` or `maxMessages`. */
    async saturate(seconds: number, maxMessages: number, concurrency = 64): Promise<PhaseResult> {
      const posted: { text: string; startedAt: number; result: PostResult }[] = [];
      const cpu = readCpu();
      const started = performance.now();
      const end = started + seconds * 1000;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (performance.now() < end && posted.length + concurrency <= maxMessages) {
            const p = post('sat');
            posted.push({ text: p.text, startedAt: p.startedAt, result: await p.done });
          }
        }),
      );
      return collect('saturation', posted, (performance.now() - started) / 1000, cpu);
    },

    /** `rate` messages a second, spread evenly, for `seconds`; answers are not awaited before the next. */
    async paced(rate: number, seconds: number): Promise<PhaseResult> {
      const inFlight: Promise<{ text: string; startedAt: number; result: PostResult }>[] = [];
      const total = Math.round(rate * seconds);
      const cpu = readCpu();
      const started = performance.now();
      while (inFlight.length < total) {
        const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
        while (inFlight.length < due) {
          const p = post('paced');
          inFlight.push(p.done.then((result) => ({ text: p.text, startedAt: p.startedAt, result })));
        }
        await sleep(2);
      }
      const posted = await Promise.all(inFlight);
      return collect(`paced ${rate}/s`, posted, (performance.now() - started) / 1000, cpu);
    },

    /**
     * `rate` messages a second for `seconds` (a long run: `--soak`), each echo matched as it
     * arrives, so memory and matching stay linear; then a bounded drain.
     */
    async soak(
      rate: number,
      seconds: number,
      { drainMs = 60_000, onSecond }: { drainMs?: number; onSecond?: (atSecond: number) => void } = {},
    ): Promise<SoakMessage[]> {
      const byText = new Map<string, SoakMessage>();
      const all: SoakMessage[] = [];
      let seen = fake.sent().length;
      const match = () => {
        const sent = fake.sent();
        for (; seen < sent.length; seen++) {
          const r = sent[seen]!;
          const text = (r.body as { text?: { body?: string } }).text?.body ?? '';
          if (text.startsWith('Recebi: ')) byText.get(text.slice('Recebi: '.length))?.replies.push(r.at.getTime());
        }
      };
      const total = Math.round(rate * seconds);
      const started = performance.now();
      let lastMatch = started;
      const acks: Promise<unknown>[] = [];
      while (all.length < total) {
        const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
        while (all.length < due) {
          const p = post('soak');
          const m: SoakMessage = { contact: p.contact, startedAt: p.startedAt, status: 0, replies: [] };
          byText.set(p.text, m);
          all.push(m);
          acks.push(
            p.done.then((r) => {
              m.status = r.status;
              m.answerMs = r.ms;
            }),
          );
        }
        if (performance.now() - lastMatch > 1000) {
          match();
          lastMatch = performance.now();
          onSecond?.(Math.round((lastMatch - started) / 1000));
        }
        await sleep(2);
      }
      await Promise.all(acks);
      const deadline = Date.now() + drainMs;
      while (Date.now() < deadline) {
        match();
        if (all.every((m) => m.status !== 200 || m.replies.length > 0)) break;
        await sleep(200);
      }
      // Late duplicates would come from re-sends: let the status webhooks settle (bounded), then look again.
      await Promise.race([fake.statusCallbacksIdle(), sleep(drainMs)]);
      match();
      return all;
    },

    close: () => client.close(),
  };
}

export function summarize(r: PhaseResult): string[] {
  const perMessage = (seconds: number) => `${((seconds * 1000) / Math.max(1, r.acknowledged)).toFixed(2)} ms`;
  return [
    `${r.name}: ${r.sent} webhooks in ${r.seconds.toFixed(1)} s → ${(r.acknowledged / r.seconds).toFixed(0)} inbound msgs/s acknowledged; ` +
      `all replied ${r.repliedSeconds.toFixed(1)} s after the first → ${(r.replyMs.length / Math.max(0.001, r.repliedSeconds)).toFixed(0)} msgs/s end to end`,
    `  webhook answer   p50 ${percentile(r.webhookMs, 50).toFixed(1)} ms   p99 ${percentile(r.webhookMs, 99).toFixed(1)} ms`,
    `  webhook → reply  p50 ${percentile(r.replyMs, 50).toFixed(1)} ms   p99 ${percentile(r.replyMs, 99).toFixed(1)} ms`,
    `  replies missing ${r.missing} (of which webhooks not answered 200: ${r.refused}), duplicated ${r.duplicated}`,
    `  CPU per inbound message (until replies and statuses settled): server ${perMessage(r.cpu.server)}, postgres ${perMessage(r.cpu.postgres)}, redis ${perMessage(r.cpu.redis)}, load generator + fake Graph ${perMessage(r.cpu.bench)}`,
  ];
}

/** Per phase kind, the median of the runs' headline numbers (and the worst missing/duplicated). */
export function medians(results: PhaseResult[]): string[] {
  const median = (xs: number[]) => percentile(xs, 50);
  const kinds = [...new Set(results.map((r) => r.name.replace(/ \(run \d+\)$/, '')))];
  return kinds.map((kind) => {
    const rs = results.filter((r) => r.name.startsWith(kind));
    const endToEnd = median(rs.map((r) => r.replyMs.length / Math.max(0.001, r.repliedSeconds)));
    const acked = median(rs.map((r) => r.acknowledged / r.seconds));
    const at = (p: number, pick: (r: PhaseResult) => number[]) =>
      median(rs.map((r) => percentile(pick(r), p))).toFixed(1);
    return (
      `median of ${rs.length} ${kind} runs: ${acked.toFixed(0)} msgs/s acknowledged, ${endToEnd.toFixed(0)} msgs/s end to end; ` +
      `webhook p50/p99 ${at(50, (r) => r.webhookMs)}/${at(99, (r) => r.webhookMs)} ms, ` +
      `webhook → reply p50/p99 ${at(50, (r) => r.replyMs)}/${at(99, (r) => r.replyMs)} ms; ` +
      `missing ${Math.max(...rs.map((r) => r.missing))}, duplicated ${Math.max(...rs.map((r) => r.duplicated))} (worst run)`
    );
  });
}

import type { FlowDocument } from '../../shared/flow/schema.ts';
import { textOf } from '../../shared/messages/outbound.ts';
import type { Effect, OrderItem } from '../effects.ts';
import type { InboundContent, SessionEvent } from '../events.ts';
import type { OutboundMessage } from '../messages.ts';
import { sessionState, type SessionState } from '../session.ts';
import { step } from '../step.ts';
import {
  conversationScript,
  type BotExpectation,
  type ConversationScriptInput,
  type ConversationTurn,
} from './conversation-script.ts';
import { describeOutbound } from './describe-outbound.ts';
import type { FakeBooking } from './fake-agenda.ts';
import { testPorts, TestClock } from './ports.ts';

export interface ConversationResult {
  name: string;
  ok: boolean;
  /** Readable reasons, each naming the turn that failed. */
  failures: string[];
  /** Every message the bot sent, for debugging. */
  transcript: string[];
}

const units = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

function durationMs(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|h|d)$/.exec(text.trim());
  return m ? Number(m[1]) * units[m[2] as keyof typeof units] : 0;
}

function matches(e: BotExpectation, m: OutboundMessage): boolean {
  if ('template' in e)
    return (
      m.kind === 'template' &&
      m.name === e.template &&
      (e.buttons === undefined ||
        JSON.stringify(quickReplyButtons(m).map((b) => b.title)) === JSON.stringify(e.buttons))
    );
  if ('text' in e) return m.kind !== 'template' && (textOf(m) ?? '').includes(e.text);
  if ('buttons' in e)
    return m.kind === 'buttons' && JSON.stringify(m.buttons.map((b) => b.title)) === JSON.stringify(e.buttons);
  if ('list' in e)
    return (
      m.kind === 'list' &&
      JSON.stringify(m.sections.flatMap((s) => s.rows.map((r) => r.title))) === JSON.stringify(e.list)
    );
  return m.kind === 'media' && m.media === e.media;
}

/** A template's quick replies as tappable buttons: the payload is the id a tap brings back. */
function quickReplyButtons(m: OutboundMessage): { id: string; title: string }[] {
  if (m.kind !== 'template') return [];
  return (m.buttons ?? []).flatMap((b) =>
    b.type === 'quick_reply' ? [{ id: b.value, title: b.title ?? b.value }] : [],
  );
}

/** Deep equality for JSON values, ignoring key order. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/** Runs a scripted conversation against a flow with in-memory ports; never throws on a failed expectation. */
export async function runConversation(flow: FlowDocument, input: ConversationScriptInput): Promise<ConversationResult> {
  const script = conversationScript.parse(input);
  const bookings: FakeBooking[] = [];
  const { ports, clock } = testPorts({
    clock: script.now === undefined ? undefined : new TestClock(script.now),
    categories: script.catalog.categories,
    products: script.catalog.products,
    http: script.http,
    llm: script.llm,
    agendas: typeof script.agendas === 'string' ? {} : script.agendas,
    bookings,
  });
  const sent: OutboundMessage[] = [];
  const timers = new Map<string, number>();
  let session: SessionState | null = null;
  let handoffOpen = false;
  // The latest Pix charge a payment block sent, which a `pay` turn confirms.
  let charge: string | null = null;
  let lastOrder: { items: OrderItem[]; totalCents: number; address: string } | null = null;
  let since = 0;
  // The 24-hour window: the engine is told when the contact last wrote.
  let lastInboundAt: Date | null =
    script.wroteAgo === undefined ? null : new Date(clock.now().getTime() - durationMs(script.wroteAgo));
  const failures: string[] = [];

  const apply = (effects: Effect[]) => {
    for (const e of effects) {
      if (e.type === 'send') sent.push(e.message);
      else if (e.type === 'set_timer') timers.set(e.key, Date.parse(e.at));
      else if (e.type === 'cancel_timer') timers.delete(e.key);
      else if (e.type === 'open_handoff') handoffOpen = true;
      else if (e.type === 'request_payment') charge = e.reference;
      else if (e.type === 'record_order')
        lastOrder = { items: e.items, totalCents: e.totalCents, address: e.delivery.address };
    }
  };
  const fire = async (event: SessionEvent) => {
    if (event.type === 'message') lastInboundAt = clock.now();
    const result = await step({
      flow,
      flowVersionId: 'test-version',
      session,
      event,
      contact: script.contact,
      ports,
      lastInboundAt,
    });
    // Stored as jsonb between steps: a session that does not survive this is a bug.
    session = sessionState.parse(JSON.parse(JSON.stringify(result.session)));
    apply(result.effects);
  };
  const say = async (content: InboundContent) => {
    since = sent.length;
    await fire({ type: 'message', content });
  };

  const play = async (turn: ConversationTurn): Promise<string | null> => {
    if ('send' in turn) await say({ kind: 'text', text: turn.send });
    else if ('tap' in turn) {
      const interactive = sent.findLast(
        (m) => m.kind === 'buttons' || m.kind === 'list' || quickReplyButtons(m).length > 0,
      );
      const options =
        interactive?.kind === 'buttons'
          ? interactive.buttons
          : interactive?.kind === 'list'
            ? interactive.sections.flatMap((s) => s.rows)
            : interactive
              ? quickReplyButtons(interactive)
              : [];
      const option = options.find((o) => o.title === turn.tap);
      if (!option)
        return `no button or row "${turn.tap}" in the latest interactive message (${options.map((o) => `"${o.title}"`).join(', ') || 'none sent'})`;
      await say({ kind: 'reply', id: option.id, title: option.title });
    } else if ('location' in turn) await say({ kind: 'location', ...turn.location });
    else if ('media' in turn)
      await say({ kind: 'media', media: turn.media, ...(turn.caption ? { caption: turn.caption } : {}) });
    else if ('after' in turn) {
      since = sent.length;
      clock.advance(durationMs(turn.after));
      for (;;) {
        const due = [...timers].filter(([, at]) => at <= clock.now().getTime()).sort((a, b) => a[1] - b[1])[0];
        if (!due) break;
        timers.delete(due[0]);
        await fire({ type: 'timer', key: due[0] });
      }
    } else if ('resolve' in turn) {
      if (!handoffOpen) return 'resolve: no handoff is open';
      since = sent.length;
      handoffOpen = false;
      await fire({ type: 'handoff_resolved' });
    } else if ('pay' in turn) {
      if (!charge) return 'pay: no Pix charge was sent';
      since = sent.length;
      await fire({ type: 'payment_confirmed', reference: charge });
    } else if ('bot' in turn) {
      const recent = sent.slice(since);
      let at = 0;
      for (const e of turn.bot) {
        while (at < recent.length && !matches(e, recent[at] as OutboundMessage)) at++;
        if (at === recent.length)
          return `bot: expected ${JSON.stringify(e)} (in order) among:\n${recent.map((m) => `    ${describeOutbound(m)}`).join('\n') || '    (no messages)'}`;
        // `{ text }` then `{ buttons }` may describe one interactive message (its body, then its options).
        const kind = recent[at]?.kind;
        if (!('text' in e && (kind === 'buttons' || kind === 'list'))) at++;
      }
    } else return check(turn.expect);
    return null;
  };

  const check = (x: Extract<ConversationTurn, { expect: unknown }>['expect']): string | null => {
    const s = session as SessionState | null;
    const problems: string[] = [];
    for (const [name, value] of Object.entries(x.variables ?? {})) {
      const actual = s?.variables[name];
      if (!sameJson(actual, value))
        problems.push(`variable ${name} = ${JSON.stringify(actual)}, expected ${JSON.stringify(value)}`);
    }
    if (x.node !== undefined && (s?.nodeId ?? null) !== x.node)
      problems.push(`node = ${s?.nodeId}, expected ${x.node}`);
    if (x.status !== undefined && s?.status !== x.status)
      problems.push(`status = ${s?.status}${s?.error ? ` (${s.error})` : ''}, expected ${x.status}`);
    if (x.handoff !== undefined && handoffOpen !== x.handoff)
      problems.push(`handoff open = ${handoffOpen}, expected ${x.handoff}`);
    if (x.bookings !== undefined) {
      const held = bookings.filter((b) => !b.cancelled).map((b) => b.startsAt);
      if (!sameJson(held, x.bookings))
        problems.push(`bookings = ${JSON.stringify(held)}, expected ${JSON.stringify(x.bookings)}`);
    }
    if (x.order !== undefined) {
      const order = lastOrder as { items: OrderItem[]; totalCents: number; address: string } | null;
      if (x.order === null) {
        if (order) problems.push('an order was recorded, expected none');
      } else if (!order) problems.push('no order was recorded');
      else {
        if (x.order.totalCents !== undefined && order.totalCents !== x.order.totalCents)
          problems.push(`order total = ${order.totalCents}, expected ${x.order.totalCents}`);
        if (x.order.address !== undefined && order.address !== x.order.address)
          problems.push(
            `order address = ${JSON.stringify(order.address)}, expected ${JSON.stringify(x.order.address)}`,
          );
        x.order.items?.forEach((want, i) => {
          const got = order.items[i] as Record<string, unknown> | undefined;
          if (!got || Object.entries(want).some(([k, v]) => !sameJson(got[k], v)))
            problems.push(`order item ${i} = ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
        });
      }
    }
    return problems.length ? `expect: ${problems.join('; ')}` : null;
  };

  if (script.start) {
    await fire({ type: 'start', variables: script.start.variables });
  }
  for (const [i, turn] of script.turns.entries()) {
    let problem: string | null;
    try {
      problem = await play(turn);
    } catch (err) {
      problem = `the engine threw: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
    }
    if (problem) {
      failures.push(`turn ${i + 1} ${JSON.stringify(turn)}: ${problem}`);
      break; // Later turns would fail for the same reason and hide the first one.
    }
  }
  return { name: script.name, ok: failures.length === 0, failures, transcript: sent.map(describeOutbound) };
}

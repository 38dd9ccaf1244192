import { randomUUID } from 'node:crypto';
import type { OutboundMessage } from '../../runtime/messages.ts';
import type { SessionStatus } from '../db/tables.ts';
import { toGraphMessage } from '../whatsapp/to-graph-message.ts';
import { serviceWindow } from '../whatsapp/window.ts';
import type { FieldCapture } from './capture-fields.ts';
import type { ClaimedContact } from './leases.ts';
import type { ContactOutcome } from './run-contact.ts';

export interface DecidedContact { outcome: ContactOutcome; contact: ClaimedContact; markRead: boolean }

/** The common rows of a batch, as plain JSON-ready objects (timestamps as ISO strings). */
export interface BatchRows {
  sessionUpdates: { id: string; contact_id: string; state: unknown; status: SessionStatus; flow_version_id: string }[];
  sessionInserts: { id: string; contact_id: string; flow_id: string; flow_version_id: string; status: SessionStatus; state: unknown }[];
  /** Outbound messages; `payload` and `error` are objects. */
  messages: {
    id: string; channel_id: string; contact_id: string; type: string; text: string | null; status: 'pending' | 'failed';
    session_id: string; payload: unknown; error: unknown;
  }[];
  /** In send order: the sender sends a contact's replies by `seq`, given in this order. */
  outbox: { id: string; message_id: string; channel_id: string; contact_id: string; kind: 'message' | 'read' }[];
  analytics: { flow_id: string; flow_version_id: string; node_id: string; contact_id: string; session_id: string; kind: string; output: string | null }[];
  processedMessageIds: string[];
  /** Each contact's variables after its last session, for the marked ones to reach its fields. */
  captures: FieldCapture[];
}

/** Text kept with an outbound message for the inbox and the LLM's history. */
function readableText(m: OutboundMessage): string | null {
  switch (m.kind) {
    case 'text': return m.text;
    case 'media': return m.caption ?? null;
    case 'buttons': case 'list': return m.body;
    case 'template': return `[template ${m.name}]`;
  }
}

/** The rows every message's outcome produces (sessions, replies, outbox, analytics); pure. */
export function buildBatchRows(decided: DecidedContact[], now: Date): BatchRows {
  const rows: BatchRows = { sessionUpdates: [], sessionInserts: [], messages: [], outbox: [], analytics: [], processedMessageIds: [], captures: [] };
  for (const { outcome, contact, markRead } of decided) {
    for (const s of outcome.sessions) {
      if (!s.state) continue;
      const status: SessionStatus = s.state.status ?? 'ended';
      if (s.isNew) rows.sessionInserts.push({ id: s.id, contact_id: contact.id, flow_id: s.flowId, flow_version_id: s.flowVersionId, status, state: s.state });
      else rows.sessionUpdates.push({ id: s.id, contact_id: contact.id, state: s.state, status, flow_version_id: s.flowVersionId });
    }

    const last = outcome.sessions.findLast((x) => x.state)?.state;
    if (last && Object.keys(last.variables).length) rows.captures.push({ contact_id: contact.id, variables: last.variables });

    const window = serviceWindow(contact.last_inbound_at ? new Date(contact.last_inbound_at) : null, now);
    for (const send of outcome.sends) {
      const text = readableText(send.message);
      const base = { channel_id: outcome.channelId, contact_id: contact.id, type: send.message.kind, text, session_id: send.sessionId };
      if (!window.open && send.message.kind !== 'template') {
        // Meta would refuse it (131047); recorded so the inbox shows why nothing went out.
        rows.messages.push({
          ...base, id: randomUUID(), status: 'failed', payload: { message: send.message },
          error: { code: 'outside_window', message: 'Fora da janela de 24 horas: só modelos aprovados podem ser enviados.' },
        });
        continue;
      }
      for (const graph of toGraphMessage(send.message, { waId: contact.wa_id, userId: contact.user_id })) {
        const id = randomUUID();
        rows.messages.push({ ...base, id, status: 'pending', payload: { message: send.message, graph }, error: null });
        rows.outbox.push({ id: randomUUID(), message_id: id, channel_id: outcome.channelId, contact_id: contact.id, kind: 'message' });
      }
    }
    if (markRead && outcome.readUpTo) {
      rows.outbox.push({ id: randomUUID(), message_id: outcome.readUpTo.messageId, channel_id: outcome.channelId, contact_id: contact.id, kind: 'read' });
    }
    for (const a of outcome.analytics) {
      rows.analytics.push({ flow_id: a.flowId, flow_version_id: a.flowVersionId, node_id: a.nodeId, contact_id: contact.id, session_id: a.sessionId, kind: a.kind, output: a.output });
    }
    rows.processedMessageIds.push(...outcome.processedMessageIds);
  }
  return rows;
}

/**
 * Whether a batch needs the transaction of several statements (commit-effects.ts) rather
 * than the single one (commit-batch.ts): timers, handoffs and orders are written there, and
 * so is a contact whose session ends and another starts in the same batch (the live-session
 * unique index needs the update before the insert, which one statement does not order).
 */
export function needsTransaction(decided: DecidedContact[]): boolean {
  return decided.some(({ outcome: o }) =>
    o.timersSet.length > 0 || o.timersCancelled.length > 0 || o.processedTimerIds.length > 0
    || o.handoffs.length > 0 || o.orders.length > 0
    || (o.sessions.some((s) => s.isNew) && o.sessions.some((s) => !s.isNew)) || o.sessions.filter((s) => s.isNew).length > 1);
}

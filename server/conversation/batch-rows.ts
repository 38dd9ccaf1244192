import { randomUUID } from 'node:crypto';
import type { SessionStatus } from '../db/tables.ts';
import { serviceWindow } from '../../shared/whatsapp/service-window.ts';
import type { FieldCapture } from './capture-fields.ts';
import type { ClaimedContact, HandledUpTo } from './leases.ts';
import { outboundRows, type OutboundMessageRow, type OutboxRow } from './outbound-rows.ts';
import type { ContactOutcome } from './run-contact.ts';

export interface DecidedContact {
  outcome: ContactOutcome;
  contact: ClaimedContact;
  markRead: boolean;
}

/** The common rows of a batch, as plain JSON-ready objects (timestamps as ISO strings). */
export interface BatchRows {
  sessionUpdates: { id: string; contact_id: string; state: unknown; status: SessionStatus; flow_version_id: string }[];
  sessionInserts: {
    id: string;
    contact_id: string;
    flow_id: string;
    flow_version_id: string;
    status: SessionStatus;
    state: unknown;
  }[];
  /** Outbound messages with their outbox rows (outbound-rows.ts). */
  messages: OutboundMessageRow[];
  /** In send order: the sender sends a contact's replies by `seq`, given in this order. */
  outbox: OutboxRow[];
  analytics: {
    flow_id: string;
    flow_version_id: string;
    node_id: string;
    contact_id: string;
    session_id: string;
    kind: string;
    output: string | null;
  }[];
  processedMessageIds: string[];
  /** Each contact's newest handled WhatsApp timestamp, for `contacts.handled_up_to`. */
  handled: HandledUpTo[];
  /** Each contact's variables after its last session, for the marked ones to reach its fields. */
  captures: FieldCapture[];
}

/** The rows every message's outcome produces (sessions, replies, outbox, analytics); pure. */
export function buildBatchRows(decided: DecidedContact[], now: Date): BatchRows {
  const rows: BatchRows = {
    sessionUpdates: [],
    sessionInserts: [],
    messages: [],
    outbox: [],
    analytics: [],
    processedMessageIds: [],
    handled: handledRows(decided),
    captures: [],
  };
  for (const { outcome, contact, markRead } of decided) {
    for (const s of outcome.sessions) {
      if (!s.state) continue;
      const status: SessionStatus = s.state.status ?? 'ended';
      if (s.isNew)
        rows.sessionInserts.push({
          id: s.id,
          contact_id: contact.id,
          flow_id: s.flowId,
          flow_version_id: s.flowVersionId,
          status,
          state: s.state,
        });
      else
        rows.sessionUpdates.push({
          id: s.id,
          contact_id: contact.id,
          state: s.state,
          status,
          flow_version_id: s.flowVersionId,
        });
    }

    const last = outcome.sessions.findLast((x) => x.state)?.state;
    if (last && Object.keys(last.variables).length)
      rows.captures.push({ contact_id: contact.id, variables: last.variables });

    const windowOpen = serviceWindow(contact.last_inbound_at ? new Date(contact.last_inbound_at) : null, now).open;
    for (const send of outcome.sends) {
      const sent = outboundRows({
        contact: { ...contact, channel_id: outcome.channelId },
        message: send.message,
        author: { kind: 'bot', id: null },
        sessionId: send.sessionId,
        windowOpen,
      });
      rows.messages.push(...sent.messages);
      rows.outbox.push(...sent.outbox);
    }
    if (markRead && outcome.readUpTo) {
      rows.outbox.push({
        id: randomUUID(),
        message_id: outcome.readUpTo.messageId,
        channel_id: outcome.channelId,
        contact_id: contact.id,
        kind: 'read',
      });
    }
    for (const a of outcome.analytics) {
      rows.analytics.push({
        flow_id: a.flowId,
        flow_version_id: a.flowVersionId,
        node_id: a.nodeId,
        contact_id: contact.id,
        session_id: a.sessionId,
        kind: a.kind,
        output: a.output,
      });
    }
    rows.processedMessageIds.push(...outcome.processedMessageIds);
  }
  return rows;
}

/** Each run's newest handled WhatsApp timestamp, as `contacts.handled_up_to` is written. */
export function handledRows(decided: readonly Pick<DecidedContact, 'contact' | 'outcome'>[]): HandledUpTo[] {
  return decided.flatMap(({ contact, outcome }) =>
    outcome.handledUpTo ? [{ contact_id: contact.id, handled_up_to: outcome.handledUpTo.toISOString() }] : [],
  );
}

/**
 * Whether a batch needs the transaction of several statements (commit-effects.ts) rather
 * than the single one (commit-batch.ts): timers, flow starts, handoffs, orders and AI runs are written there, and
 * so is a contact whose session ends and another starts in the same batch (the live-session
 * unique index needs the update before the insert, which one statement does not order).
 */
export function needsTransaction(decided: DecidedContact[]): boolean {
  return decided.some(
    ({ outcome: o }) =>
      o.timersSet.length > 0 ||
      o.timersCancelled.length > 0 ||
      o.processedTimerIds.length > 0 ||
      o.handoffs.length > 0 ||
      o.orders.length > 0 ||
      o.aiRuns.length > 0 ||
      o.flowStarts.length > 0 ||
      (o.optOuts?.length ?? 0) > 0 ||
      (o.payments?.length ?? 0) > 0 ||
      (o.unheardPayments?.length ?? 0) > 0 ||
      (o.sessions.some((s) => s.isNew) && o.sessions.some((s) => !s.isNew)) ||
      o.sessions.filter((s) => s.isNew).length > 1,
  );
}

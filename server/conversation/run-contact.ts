import { randomUUID } from 'node:crypto';
import type { AiRun, Effect, OrderDelivery, OrderItem } from '../../runtime/effects.ts';
import type { HandoffPriority } from '../../shared/flow/nodes/handoff.ts';
import type { InboundContent, SessionEvent } from '../../runtime/events.ts';
import type { OutboundMessage } from '../../runtime/messages.ts';
import type { Ports } from '../../runtime/ports.ts';
import { sessionState, type Json, type SessionState } from '../../runtime/session.ts';
import { step } from '../../runtime/step.ts';
import type { OptOutSettings } from '../../shared/api/settings.ts';
import { optOutWordIn } from '../campaigns/opt-out-words.ts';
import type { ChannelInfo } from '../channels/channel-directory.ts';
import type { FlowVersions, LoadedVersion } from './flow-versions.ts';
import type { ClaimedContact, LiveSession } from './leases.ts';
import { catalogOfChannel } from './catalog-port.ts';
import { overridePorts } from './override-ports.ts';
import { flowStartPayload, type FlowStartPayload } from './stored-json.ts';

export interface PendingMessage {
  id: string;
  wamid: string | null;
  at: Date;
  content: InboundContent;
}
/** A due scheduled job of the contact: a flow timer, or an agent resolving the handoff. */
/** A due scheduled job; `payload` is the stored JSON, parsed by kind (see `stored-json.ts`). */
export interface DueTimer {
  id: string;
  key: string;
  kind: string;
  at: Date;
  payload: unknown;
}

/** A session row as it must be after this batch. */
export interface SessionWrite {
  id: string;
  isNew: boolean;
  flowId: string;
  flowVersionId: string;
  /** Null only between creating a new session and its first step. */
  state: SessionState | null;
}

/** Everything one contact's events decided, to be committed in one transaction. */
export interface ContactOutcome {
  contactId: string;
  channelId: string;
  sessions: SessionWrite[];
  sends: { sessionId: string; message: OutboundMessage }[];
  timersSet: { key: string; at: Date }[];
  timersCancelled: string[];
  handoffs: {
    sessionId: string;
    team: string;
    priority: HandoffPriority;
    note: string;
    context: Record<string, unknown>;
  }[];
  orders: { sessionId: string; flowId: string; items: OrderItem[]; totalCents: number; delivery: OrderDelivery }[];
  /**
   * The flow a `goto` block moves the contact to: queued as a `flow_start` job due at the
   * moment of the event that led there, so the next pass runs it before anything later.
   */
  flowStarts: { key: string; at: Date; start: FlowStartPayload }[];
  analytics: {
    flowId: string;
    flowVersionId: string;
    sessionId: string;
    nodeId: string;
    kind: string;
    output: string | null;
  }[];
  /** AI agent turns to record (ai_runs), for the operator and the dashboard. */
  aiRuns: { sessionId: string; flowId: string; run: AiRun }[];
  processedMessageIds: string[];
  processedTimerIds: string[];
  /** The newest inbound message the flow handled, to mark as read. */
  readUpTo: { messageId: string; wamid: string } | null;
  /** The newest WhatsApp timestamp among `processedMessageIds` (the contact's `handled_up_to` moves up to it). */
  handledUpTo: Date | null;
  /**
   * Messages that arrived after a later one of the contact was already handled: processed
   * without running the flow, which has answered past them (see `runContact`).
   */
  lateMessageIds: string[];
  /** Opt-out (or back in) words the contact sent: the contact's opt-out changes, and each is confirmed. */
  optOuts?: { optedOut: boolean; reply: string; at: Date }[];
  /**
   * Pix references whose confirmation no flow was waiting for (the conversation ended, expired or
   * moved on): the customer is told by the `paid` order notice instead (server/payments/tell-paid.ts).
   */
  unheardPayments?: string[];
  /** Pix charges payment blocks sent, recorded on their orders (server/payments/commit-payments.ts). */
  payments?: ({ sessionId: string; flowId: string } & Omit<Extract<Effect, { type: 'request_payment' }>, 'type'>)[];
}

interface Live {
  write: SessionWrite;
  version: LoadedVersion;
}

/**
 * Runs a contact's pending events (messages and due timers) through the engine, oldest
 * first, on the version each session is pinned to. Pure decisions: nothing is written here.
 */
export async function runContact(input: {
  contact: ClaimedContact;
  channel: ChannelInfo;
  session: LiveSession | undefined;
  messages: PendingMessage[];
  timers: DueTimer[];
  /** The newest WhatsApp timestamp handled in earlier passes (the contact's `handled_up_to`). */
  handledUpTo?: Date | null;
  /** The processor's time now: `handledUpTo` never moves past it. */
  now?: Date;
  versions: FlowVersions;
  ports: Ports;
  /** Words that opt the contact out of campaigns (and back in); none checked when absent. */
  optOut?: OptOutSettings;
}): Promise<ContactOutcome> {
  const { contact, channel, versions } = input;
  const ports = channel.catalogId
    ? overridePorts(input.ports, { catalog: catalogOfChannel(input.ports.catalog, channel.catalogId) })
    : input.ports;
  const outcome: ContactOutcome = {
    contactId: contact.id,
    channelId: channel.id,
    sessions: [],
    sends: [],
    timersSet: [],
    timersCancelled: [],
    handoffs: [],
    orders: [],
    flowStarts: [],
    analytics: [],
    aiRuns: [],
    processedMessageIds: [],
    processedTimerIds: [],
    readUpTo: null,
    handledUpTo: null,
    lateMessageIds: [],
  };
  const handledBefore = input.handledUpTo?.getTime() ?? -Infinity;
  const now = input.now?.getTime() ?? Infinity;
  const who = { name: contact.name, phone: contact.wa_id ?? '', channelId: channel.id };

  let live: Live | null = null;
  if (input.session) {
    const pinned = await versions.byVersionId(input.session.flow_version_id);
    const parsed = sessionState.safeParse(input.session.state);
    if (pinned && parsed.success) {
      const version = await moveToPublished(pinned, parsed.data, versions);
      const state = version === pinned ? parsed.data : { ...parsed.data, flowVersionId: version.id };
      live = {
        version,
        write: { id: input.session.id, isNew: false, flowId: input.session.flow_id, flowVersionId: version.id, state },
      };
      outcome.sessions.push(live.write);
    }
  }

  const events: {
    at: Date;
    event: SessionEvent;
    messageId?: string;
    wamid?: string | null;
    timerId?: string;
    flowId?: string;
    notify?: boolean;
  }[] = [
    ...input.messages.map((m) => ({
      at: m.at,
      event: { type: 'message', content: m.content } satisfies SessionEvent,
      messageId: m.id,
      wamid: m.wamid,
    })),
    ...input.timers.map((t) => ({ at: t.at, timerId: t.id, ...jobEvent(t) })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());

  for (const item of events) {
    if (item.messageId) {
      outcome.processedMessageIds.push(item.messageId);
      // Never past now: a timestamp from the future (a skewed clock) must not make the
      // contact's next messages look late.
      const handled = new Date(Math.min(item.at.getTime(), now));
      if (!outcome.handledUpTo || handled > outcome.handledUpTo) outcome.handledUpTo = handled;
      // Older than a message an earlier pass already ran: the flow has answered past it, and
      // running it now would answer the same prompt twice (or take it as the answer to the
      // next one). It stays in the conversation for people to read; the flow does not see it.
      // Same-second messages do run: WhatsApp's whole seconds cannot order them.
      if (item.at.getTime() < handledBefore) {
        outcome.lateMessageIds.push(item.messageId);
        continue;
      }
    }
    if (item.timerId) outcome.processedTimerIds.push(item.timerId);
    if (item.event.type === 'payment_confirmed' && item.notify && !awaitsPayment(live, item.event.reference))
      (outcome.unheardPayments ??= []).push(item.event.reference);
    // An opt-out word is for us, not the flow: it changes the contact's opt-out and is confirmed.
    const optOut =
      item.event.type === 'message' && input.optOut ? optOutWordIn(item.event.content, input.optOut) : null;
    if (optOut && input.optOut) {
      (outcome.optOuts ??= []).push({
        optedOut: optOut === 'out',
        reply: optOut === 'out' ? input.optOut.stopReply : input.optOut.startReply,
        at: item.at,
      });
      if (item.messageId && item.wamid) outcome.readUpTo = { messageId: item.messageId, wamid: item.wamid };
      continue;
    }
    if (item.event.type === 'start' && item.flowId) {
      // An agent's conversation is never taken over, even one handed off after the campaign
      // was queued (contacts already in a handoff are not queued at all: run-campaigns.ts).
      if (live?.write.state?.status === 'handoff') continue;
      // A campaign starts its flow for the contact: whatever ran before ends here.
      if (live?.write.state && live.write.state.status !== 'ended')
        live.write.state = { ...live.write.state, status: 'ended', nodeId: null, awaiting: null };
      const version = await versions.published(item.flowId);
      if (!version) continue;
      live = {
        version,
        write: { id: randomUUID(), isNew: true, flowId: version.flowId, flowVersionId: version.id, state: null },
      };
      outcome.sessions.push(live.write);
    }
    if (item.event.type !== 'message' && !live) continue;

    if (!live || live.write.state?.status === 'ended') {
      if (item.event.type !== 'message') continue;
      const version = channel.flowId ? await versions.published(channel.flowId) : null;
      if (!version) continue;
      live = {
        version,
        write: { id: randomUUID(), isNew: true, flowId: version.flowId, flowVersionId: version.id, state: null },
      };
      outcome.sessions.push(live.write);
    }
    const result = await step({
      flow: live.version.flow,
      flowVersionId: live.version.id,
      session: live.write.state,
      event: item.event,
      contact: who,
      ports,
      // The window as Meta sees it when these replies go out: the latest message stored.
      lastInboundAt: contact.last_inbound_at ? new Date(contact.last_inbound_at) : null,
    });
    live.write.state = result.session;
    if (item.messageId && item.wamid) outcome.readUpTo = { messageId: item.messageId, wamid: item.wamid };
    // A millisecond earlier: WhatsApp times are whole seconds, and a message sent in the same
    // second must still come after the start it waits for.
    applyEffects(outcome, live, result.effects, new Date(item.at.getTime() - 1));
    // Moved to another flow: what the contact sent after this waits for it (still pending, it
    // runs on the next pass, after the queued start).
    if (outcome.flowStarts.length > 0) break;
  }
  return outcome;
}

/** Whether the live session waits at the payment block for this charge, and so hears its confirmation. */
function awaitsPayment(live: Live | null, reference: string): boolean {
  const state = live?.write.state;
  return (
    state?.status === 'active' && state.awaiting?.kind === 'payment' && state.awaiting.state.reference === reference
  );
}

/**
 * The engine event a due scheduled job stands for. A payment's `notify`: the customer is still to
 * be told when no flow hears it (false once the route sent `order_status` or its fallback).
 */
function jobEvent(t: DueTimer): { event: SessionEvent; flowId?: string; notify?: boolean } {
  if (t.kind === 'handoff_resolved') return { event: { type: 'handoff_resolved' } };
  if (t.kind === 'payment_confirmed') {
    const payload = t.payload as { reference?: unknown; told?: unknown } | null;
    const reference = typeof payload?.reference === 'string' ? payload.reference : '';
    return { event: { type: 'payment_confirmed', reference }, notify: reference !== '' && payload?.told !== true };
  }
  if (t.kind === 'flow_start') {
    // An unreadable payload starts no flow (no flow has the id ''), as a missing flow would not.
    const payload = flowStartPayload.safeParse(t.payload);
    const { flowId, variables } = payload.success ? payload.data : { flowId: '', variables: {} };
    return { event: { type: 'start', variables }, flowId };
  }
  return { event: { type: 'timer', key: t.key } };
}

/**
 * A session stays on the version it started on, unless the newly published version asks
 * (`settings.migrateWaitingSessions`) to take over sessions waiting at a node it still has.
 */
async function moveToPublished(
  pinned: LoadedVersion,
  session: SessionState,
  versions: FlowVersions,
): Promise<LoadedVersion> {
  const published = await versions.published(pinned.flowId);
  if (!published || published.id === pinned.id || !published.flow.settings.migrateWaitingSessions) return pinned;
  const waitingAt = session.nodeId;
  const node = waitingAt ? published.flow.nodes.find((n) => n.id === waitingAt) : undefined;
  const before = waitingAt ? pinned.flow.nodes.find((n) => n.id === waitingAt) : undefined;
  // Same id and same type: the awaiting state (retries, picker stage…) still means the same thing.
  return node && before && node.type === before.type ? published : pinned;
}

function applyEffects(outcome: ContactOutcome, live: Live, effects: Effect[], at: Date): void {
  const sessionId = live.write.id;
  for (const e of effects) {
    switch (e.type) {
      case 'send':
        outcome.sends.push({ sessionId, message: e.message });
        break;
      case 'set_timer':
        outcome.timersSet.push({ key: e.key, at: new Date(e.at) });
        break;
      case 'cancel_timer':
        outcome.timersCancelled.push(e.key);
        break;
      case 'open_handoff':
        outcome.handoffs.push({ sessionId, team: e.team, priority: e.priority, note: e.note, context: e.context });
        break;
      case 'record_order':
        outcome.orders.push({
          sessionId,
          flowId: live.write.flowId,
          items: e.items,
          totalCents: e.totalCents,
          delivery: e.delivery,
        });
        break;
      case 'ai_run':
        outcome.aiRuns.push({ sessionId, flowId: live.write.flowId, run: e.run });
        break;
      case 'analytics':
        outcome.analytics.push({
          flowId: live.write.flowId,
          flowVersionId: live.version.id,
          sessionId,
          nodeId: e.nodeId,
          kind: e.kind,
          output: e.output ?? null,
        });
        break;
      // The other flow starts as a job, as a campaign's does: committed with this step, run by
      // the next pass. Keyed by the session, which a `goto` ends: one start per session.
      case 'request_payment': {
        const { type: _type, ...charge } = e;
        (outcome.payments ??= []).push({ sessionId, flowId: live.write.flowId, ...charge });
        break;
      }
      case 'start_flow':
        outcome.flowStarts.push({
          key: `goto:${sessionId}`,
          at,
          start: { flowId: e.flowId, variables: plainVariables(e.variables) },
        });
        break;
    }
  }
}

/** Variables crossing flows are the plain values a `start` event carries; nested ones are dropped. */
function plainVariables(variables: Record<string, Json>): FlowStartPayload['variables'] {
  const plain: FlowStartPayload['variables'] = {};
  for (const [name, value] of Object.entries(variables)) {
    if (value === null || typeof value !== 'object') plain[name] = value;
  }
  return plain;
}

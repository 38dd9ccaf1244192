import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { OutboundMessage } from '../../runtime/messages.ts';
import type { Tx } from '../db/database.ts';
import type { NewRow } from '../db/tables.ts';
import { toGraphMessage } from '../whatsapp/to-graph-message.ts';
import { serviceWindow } from '../whatsapp/window.ts';
import type { ClaimedContact } from './leases.ts';
import type { ContactOutcome } from './run-contact.ts';

/** Text kept with an outbound message for the inbox and the LLM's history. */
function readableText(m: OutboundMessage): string | null {
  switch (m.kind) {
    case 'text': return m.text;
    case 'media': return m.caption ?? null;
    case 'buttons': case 'list': return m.body;
    case 'template': return `[template ${m.name}]`;
  }
}

/**
 * Writes what the engine decided for several contacts in one transaction: sessions, the
 * replies with their outbox rows, timers, handoffs, orders, analytics, and the inbound
 * messages marked processed. Either all of a step's consequences exist or none do.
 */
export async function commitOutcomes(
  tx: Tx, outcomes: { outcome: ContactOutcome; contact: ClaimedContact; markRead: boolean }[], now: Date,
): Promise<{ outboxRows: number }> {
  const messages: NewRow<'messages'>[] = [];
  const outbox: NewRow<'outbox'>[] = [];
  const analytics: NewRow<'analytics_events'>[] = [];
  const processedMessages: string[] = [];

  // Sessions first, in two statements for the whole batch: ended ones are updated before new
  // ones are inserted, since a contact may have only one live session.
  const updated = outcomes.flatMap(({ outcome }) => outcome.sessions.filter((x) => !x.isNew && x.state));
  if (updated.length) {
    const values = sql.join(updated.map((s) => sql`(${s.id}::text, ${JSON.stringify(s.state)}::jsonb, ${s.state?.status ?? 'ended'}::text, ${s.flowVersionId}::text)`));
    await sql`
      update conversation_sessions s set state = v.state, status = v.status, flow_version_id = v.flow_version_id, updated_at = ${now}
      from (values ${values}) as v(id, state, status, flow_version_id) where s.id = v.id
    `.execute(tx);
  }
  const created = outcomes.flatMap(({ outcome, contact }) => outcome.sessions.filter((x) => x.isNew && x.state).map((s) => ({
    id: s.id, contact_id: contact.id, flow_id: s.flowId, flow_version_id: s.flowVersionId,
    status: s.state?.status ?? 'ended', state: JSON.stringify(s.state), created_at: now, updated_at: now,
  })));
  if (created.length) await tx.insertInto('conversation_sessions').values(created).execute();

  for (const { outcome, contact, markRead } of outcomes) {
    const window = serviceWindow(contact.last_inbound_at ? new Date(contact.last_inbound_at) : null, now);
    for (const send of outcome.sends) {
      const text = readableText(send.message);
      if (!window.open && send.message.kind !== 'template') {
        // Meta would refuse it (131047); recorded so the inbox shows why nothing went out.
        messages.push({
          id: randomUUID(), channel_id: outcome.channelId, contact_id: contact.id, direction: 'out', type: send.message.kind,
          text, status: 'failed', session_id: send.sessionId, author_kind: 'bot', created_at: now,
          payload: JSON.stringify({ message: send.message }),
          error: JSON.stringify({ code: 'outside_window', message: 'Fora da janela de 24 horas: só modelos aprovados podem ser enviados.' }),
        });
        continue;
      }
      for (const graph of toGraphMessage(send.message, { waId: contact.wa_id, userId: contact.user_id })) {
        const id = randomUUID();
        messages.push({
          id, channel_id: outcome.channelId, contact_id: contact.id, direction: 'out', type: send.message.kind, text,
          status: 'pending', session_id: send.sessionId, author_kind: 'bot', created_at: now,
          payload: JSON.stringify({ message: send.message, graph }),
        });
        outbox.push({ id: randomUUID(), message_id: id, channel_id: outcome.channelId, contact_id: contact.id, status: 'pending', next_attempt_at: now });
      }
    }
    if (markRead && outcome.readUpTo) {
      outbox.push({
        id: randomUUID(), message_id: outcome.readUpTo.messageId, channel_id: outcome.channelId, contact_id: contact.id,
        kind: 'read', status: 'pending', next_attempt_at: now,
      });
    }

    // Fired timers are closed before new ones are set: a step may set a timer with the same key.
    if (outcome.processedTimerIds.length) {
      await tx.updateTable('scheduled_jobs').set({ status: 'done' })
        .where('id', 'in', outcome.processedTimerIds).where('status', '=', 'pending').execute();
    }
    for (const key of outcome.timersCancelled) {
      await tx.deleteFrom('scheduled_jobs').where('key', '=', key).where('status', '=', 'pending').execute();
    }
    for (const t of outcome.timersSet) {
      await tx.insertInto('scheduled_jobs').values({
        id: randomUUID(), kind: 'timer', key: t.key, contact_id: contact.id, run_at: t.at, payload: '{}', status: 'pending',
      }).onConflict((oc) => oc.column('key').doUpdateSet({ run_at: t.at, status: 'pending', contact_id: contact.id })).execute();
    }
    for (const h of outcome.handoffs) {
      await tx.insertInto('handoffs').values({
        id: randomUUID(), contact_id: contact.id, session_id: h.sessionId, team: h.team, note: h.note,
        context: JSON.stringify(h.context), status: 'open', created_at: now,
      }).onConflict((oc) => oc.column('contact_id').where('status', '<>', 'resolved').doNothing()).execute();
    }
    for (const o of outcome.orders) {
      const orderId = randomUUID();
      await tx.insertInto('orders').values({
        id: orderId, contact_id: contact.id, session_id: o.sessionId, flow_id: o.flowId, status: 'new', total_cents: o.totalCents,
        created_at: now, updated_at: now,
      }).execute();
      if (o.items.length) {
        await tx.insertInto('order_items').values(o.items.map((i) => ({
          id: randomUUID(), order_id: orderId, product_id: i.productId, name: i.name, unit_price_cents: i.unitPriceCents, quantity: i.quantity,
        }))).execute();
      }
    }
    for (const a of outcome.analytics) {
      analytics.push({
        flow_id: a.flowId, flow_version_id: a.flowVersionId, node_id: a.nodeId, contact_id: contact.id,
        session_id: a.sessionId, kind: a.kind, output: a.output, created_at: now,
      });
    }
    processedMessages.push(...outcome.processedMessageIds);
  }

  if (messages.length) await tx.insertInto('messages').values(messages).execute();
  if (outbox.length) await tx.insertInto('outbox').values(outbox).execute();
  if (analytics.length) await tx.insertInto('analytics_events').values(analytics).execute();
  if (processedMessages.length) {
    await tx.updateTable('messages').set({ processed_at: now }).where('id', 'in', processedMessages).execute();
  }
  return { outboxRows: outbox.length };
}

import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../db/database.ts';
import { queueFlowStart } from '../db/queries/scheduled-jobs.ts';
import { reserveStock, StockShort } from '../db/queries/stock.ts';
import { buildBatchRows, type DecidedContact } from './batch-rows.ts';
import { markedVariables } from './capture-fields.ts';
import { insertOutboundRows } from './outbound-rows.ts';
import { queueOutbound } from './queue-outbound.ts';
import { emitEvents, type FluxoEvent } from '../event-webhooks/emit-event.ts';
import { emitOptOut } from '../event-webhooks/opt-out-event.ts';
import { priorityRank } from '../handoffs/priority.ts';
import { routeQueuedHandoffs } from '../handoffs/routing.ts';
import { insertAiRuns } from '../db/queries/ai-runs.ts';
import { insertOrder } from '../db/queries/orders.ts';
import { commitPayments } from '../payments/commit-payments.ts';
import { tellUnheardPayment } from '../payments/tell-paid.ts';

/**
 * Writes what the engine decided for several contacts in one transaction: sessions, the
 * replies with their outbox rows, timers, flow starts, handoffs, orders, analytics, and the
 * inbound messages marked processed. Either all of a step's consequences exist or none do.
 * Batches without timers, flow starts, handoffs or orders take the one-statement path
 * instead (commit-batch.ts).
 */
export async function commitOutcomes(
  tx: Tx,
  decided: DecidedContact[],
  now: Date,
): Promise<{ outboxRows: number; flowStarts: number }> {
  const rows = buildBatchRows(decided, now);
  const at = now.toISOString();
  // Outgoing webhooks' events, written with the rest below (emit-event.ts).
  const events: FluxoEvent[] = rows.sessionInserts.map((r) => ({
    type: 'conversation.started',
    contactId: r.contact_id,
    data: { contactId: r.contact_id, sessionId: r.id, flowId: r.flow_id, flowVersionId: r.flow_version_id },
  }));

  // Sessions first: ended ones are updated before new ones are inserted, since a contact may
  // have only one live session.
  if (rows.sessionUpdates.length) {
    await sql`
      update conversation_sessions s set state = r.state, status = r.status, flow_version_id = r.flow_version_id, updated_at = ${at}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(rows.sessionUpdates)}::jsonb) as r(id text, state jsonb, status text, flow_version_id text)
      where s.id = r.id
    `.execute(tx);
  }
  if (rows.sessionInserts.length) {
    await tx
      .insertInto('conversation_sessions')
      .values(
        rows.sessionInserts.map((r) => ({
          ...r,
          state: JSON.stringify(r.state),
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  }

  for (const { outcome, contact } of decided) {
    // Fired timers are closed before new ones are set: a step may set a timer with the same key.
    if (outcome.processedTimerIds.length) {
      await tx
        .updateTable('scheduled_jobs')
        .set({ status: 'done' })
        .where('id', 'in', outcome.processedTimerIds)
        .where('status', '=', 'pending')
        .execute();
    }
    for (const key of outcome.timersCancelled) {
      await tx.deleteFrom('scheduled_jobs').where('key', '=', key).where('status', '=', 'pending').execute();
    }
    for (const t of outcome.timersSet) {
      await tx
        .insertInto('scheduled_jobs')
        .values({
          id: randomUUID(),
          kind: 'timer',
          key: t.key,
          contact_id: contact.id,
          run_at: t.at,
          payload: '{}',
          status: 'pending',
        })
        .onConflict((oc) => oc.column('key').doUpdateSet({ run_at: t.at, status: 'pending', contact_id: contact.id }))
        .execute();
    }
    for (const f of outcome.flowStarts)
      await queueFlowStart(tx, { key: f.key, contactId: contact.id, start: f.start }, f.at);
    for (const h of outcome.handoffs) {
      const handoffId = randomUUID();
      const opened = await tx
        .insertInto('handoffs')
        .values({
          id: handoffId,
          contact_id: contact.id,
          session_id: h.sessionId,
          team: h.team,
          priority: priorityRank[h.priority],
          note: h.note,
          context: JSON.stringify(h.context),
          status: 'open',
          created_at: now,
        })
        .onConflict((oc) => oc.column('contact_id').where('status', '<>', 'resolved').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (opened)
        events.push({
          type: 'handoff.opened',
          contactId: contact.id,
          data: { handoffId, contactId: contact.id, team: h.team, note: h.note, variables: h.context },
        });
    }
    for (const o of outcome.orders) {
      // Stock is taken in this transaction: a shortage (StockShort) rolls the whole batch back,
      // and the picker, run again, sees what is left before it confirms.
      const reserved: number[] = [];
      for (const i of o.items) {
        try {
          reserved.push(await reserveStock(tx, i, now));
        } catch (err) {
          throw err instanceof StockShort ? new StockShort(err.productId, contact.id) : err;
        }
      }
      const orderId = await insertOrder(
        tx,
        {
          contact_id: contact.id,
          channel_id: contact.channel_id,
          session_id: o.sessionId,
          flow_id: o.flowId,
          total_cents: o.totalCents,
          address: o.delivery.address,
          notes: o.delivery.notes,
          payment_method: o.delivery.paymentMethod,
        },
        o.items.map((i, n) => ({
          product_id: i.productId,
          variant_id: i.variantId ?? null,
          name: i.name,
          unit_price_cents: i.unitPriceCents,
          quantity: i.quantity,
          reserved: reserved[n],
        })),
        now,
      );
      events.push({
        type: 'order.created',
        contactId: contact.id,
        data: { orderId, contactId: contact.id, status: 'new', totalCents: o.totalCents, items: o.items },
      });
    }
  }

  for (const { outcome, contact } of decided) {
    if (outcome.payments?.length) events.push(...(await commitPayments(tx, contact, outcome.payments, now)));
    for (const reference of outcome.unheardPayments ?? []) await tellUnheardPayment(tx, reference, now);
  }
  await emitEvents(tx, events, now);
  // New handoffs go to an agent in the same transaction: committed assigned, or queued if nobody is free.
  if (decided.some((d) => d.outcome.handoffs.length)) await routeQueuedHandoffs(tx, now);
  const aiRuns = decided.flatMap(({ outcome, contact }) =>
    outcome.aiRuns.map((r) => ({ ...r, contactId: contact.id })),
  );
  if (aiRuns.length) await insertAiRuns(tx, aiRuns, now);

  await insertOutboundRows(tx, { messages: rows.messages, outbox: rows.outbox }, now);
  const optOutReplies = await commitOptOuts(tx, decided, now);
  if (rows.analytics.length) {
    await tx
      .insertInto('analytics_events')
      .values(rows.analytics.map((a) => ({ ...a, created_at: now })))
      .execute();
  }
  if (rows.captures.length) {
    await sql`update contacts c set fields = c.fields || m.captured from (${markedVariables(rows.captures)}) m where c.id = m.contact_id`.execute(
      tx,
    );
  }
  if (rows.processedMessageIds.length) {
    await tx.updateTable('messages').set({ processed_at: now }).where('id', 'in', rows.processedMessageIds).execute();
  }
  return {
    outboxRows: rows.outbox.length + optOutReplies,
    flowStarts: decided.reduce((n, d) => n + d.outcome.flowStarts.length, 0),
  };
}

/**
 * Opt-out words the contacts sent: their opt-out set (or cleared, for an opt-in word) and each
 * confirmed with its reply. Answers how many replies were queued.
 */
async function commitOptOuts(tx: Tx, decided: DecidedContact[], now: Date): Promise<number> {
  let replies = 0;
  for (const { outcome, contact } of decided) {
    for (const change of outcome.optOuts ?? []) {
      await tx
        .updateTable('contacts')
        .set({ opted_out_at: change.optedOut ? change.at : null })
        .where('id', '=', contact.id)
        .execute();
      if (change.optedOut) await emitOptOut(tx, contact.id, 'contact', now);
      await queueOutbound(tx, {
        contact,
        message: { kind: 'text', text: change.reply },
        authorKind: 'bot',
        authorId: null,
        now,
      });
      replies += 1;
    }
  }
  return replies;
}

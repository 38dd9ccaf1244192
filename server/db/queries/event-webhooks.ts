import { sql } from 'kysely';
import type { Executor } from '../database.ts';
import type { EventDeliveryStatus } from '../tables.ts';

export async function listEventWebhooks(db: Executor) {
  return db
    .selectFrom('event_webhooks as w')
    .selectAll('w')
    .select((eb) => [
      eb
        .selectFrom('event_deliveries as d')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('d.webhook_id', '=', 'w.id')
        .where('d.status', '=', 'pending')
        .as('pending'),
      eb
        .selectFrom('event_deliveries as d')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('d.webhook_id', '=', 'w.id')
        .where('d.status', '=', 'failed')
        .as('failed'),
    ])
    .where('w.kind', '=', 'http')
    .orderBy('w.created_at')
    .execute();
}
export type EventWebhookListRow = Awaited<ReturnType<typeof listEventWebhooks>>[number];

export async function findEventWebhook(db: Executor, id: string) {
  return (await listEventWebhooks(db)).find((w) => w.id === id);
}

export interface EventWebhookChange {
  url?: string;
  description?: string;
  events?: string[];
  active?: boolean;
}

/** Changes only what is given; undefined when there is no such subscription. */
export async function updateEventWebhook(db: Executor, id: string, change: EventWebhookChange, now: Date) {
  return db
    .updateTable('event_webhooks')
    .where('kind', '=', 'http')
    .set({
      ...(change.url !== undefined ? { url: change.url } : {}),
      ...(change.description !== undefined ? { description: change.description } : {}),
      ...(change.events !== undefined ? { events: JSON.stringify(change.events) } : {}),
      ...(change.active !== undefined ? { active: change.active } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
}

/** The subscription's deliveries, newest first. */
export async function listEventDeliveries(
  db: Executor,
  webhookId: string,
  filter: { status?: EventDeliveryStatus; limit: number; id?: string },
) {
  let q = db.selectFrom('event_deliveries').selectAll().where('webhook_id', '=', webhookId);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.id) q = q.where('id', '=', filter.id);
  return q.orderBy('seq', 'desc').limit(filter.limit).execute();
}

/**
 * Sends a delivery again: back in the queue as if new (attempts from zero), keeping its body
 * and event id (receivers dedupe on it). A delivered one is sent once more; one in flight is
 * left alone. Undefined when there is no such delivery.
 */
export async function redeliver(db: Executor, webhookId: string, deliveryId: string, now: Date) {
  return db
    .updateTable('event_deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now, lease_until: null, last_error: null })
    .where('id', '=', deliveryId)
    .where('webhook_id', '=', webhookId)
    .where((eb) => eb.or([eb('status', '<>', 'pending'), eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .returning('id')
    .executeTakeFirst();
}

/**
 * Takes due deliveries for sending, each held for `leaseMs`: only the earliest pending one of
 * each subscription and contact (a contact's later event waits for the earlier one, also while
 * that one waits out a retry), in `seq` order. Rows another worker holds are skipped.
 */
export async function claimDueDeliveries(db: Executor, now: Date, leaseMs: number, limit: number) {
  const until = new Date(now.getTime() + leaseMs);
  const rows = await sql<{
    id: string;
    webhook_id: string;
    body: string;
    attempts: number;
    url: string;
    secret_enc: string;
    kind: 'http' | 'chatwoot';
  }>`
    with due as (
      select d.id from event_deliveries d
      where d.status = 'pending' and d.next_attempt_at <= ${now}
        and (d.lease_until is null or d.lease_until < ${now})
        and (d.contact_id is null or not exists (
          select 1 from event_deliveries e
          where e.status = 'pending' and e.webhook_id = d.webhook_id and e.contact_id = d.contact_id and e.seq < d.seq))
      order by d.seq
      limit ${limit}
      for update of d skip locked
    ),
    taken as (
      update event_deliveries d set lease_until = ${until}, attempts = d.attempts + 1, last_attempt_at = ${now}
      from due where d.id = due.id
      returning d.id, d.webhook_id, d.body, d.attempts, d.seq
    )
    select t.id, t.webhook_id, t.body, t.attempts, w.url, w.secret_enc, w.kind
    from taken t join event_webhooks w on w.id = t.webhook_id
    order by t.seq
  `.execute(db);
  return rows.rows;
}

export type ClaimedDelivery = Awaited<ReturnType<typeof claimDueDeliveries>>[number];

/** The receiver answered 2xx. */
export async function markDelivered(db: Executor, id: string, status: number, now: Date) {
  await db
    .updateTable('event_deliveries')
    .set({ status: 'delivered', delivered_at: now, lease_until: null, last_status: status, last_error: null })
    .where('id', '=', id)
    .execute();
}

/** The attempt failed: try again at `retryAt`, or give up (null). */
export async function markAttemptFailed(
  db: Executor,
  id: string,
  failure: { status: number | null; error: string },
  retryAt: Date | null,
) {
  await db
    .updateTable('event_deliveries')
    .set({
      status: retryAt ? 'pending' : 'failed',
      next_attempt_at: retryAt ?? sql`next_attempt_at`,
      lease_until: null,
      last_status: failure.status,
      last_error: failure.error.slice(0, 500),
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Forgets deliveries delivered or given up on before `before` (the log keeps the last weeks), a
 * batch at a time; how many went.
 */
export async function pruneDeliveries(db: Executor, before: Date, batch = 1000): Promise<number> {
  const gone = await db
    .deleteFrom('event_deliveries')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('event_deliveries')
        .select('id')
        .where('status', '<>', 'pending')
        .where('created_at', '<', before)
        .limit(batch),
    )
    .executeTakeFirst();
  return Number(gone.numDeletedRows);
}

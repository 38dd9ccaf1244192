import { randomUUID } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import type { EventType } from '../../shared/api/event-webhooks.ts';
import type { Executor } from '../db/database.ts';

export interface FluxoEvent {
  type: EventType;
  /** Whose event it is: a contact's deliveries go out in order. Null when no contact is concerned. */
  contactId: string | null;
  data: Record<string, unknown>;
}

/**
 * Records an event for every active subscription that wants it, in the caller's transaction:
 * committed with the change it tells about, or not at all (the outbox pattern: an event is
 * never lost nor invented). The delivery worker sends it afterwards. Cheap when nobody
 * subscribed: one indexed read of a small table.
 */
export async function emitEvent(db: Executor, event: FluxoEvent, now: Date): Promise<void> {
  await emitEvents(db, [event], now);
}

/** `emitEvent` for several events at once, in their order. */
export async function emitEvents(db: Executor, events: readonly FluxoEvent[], now: Date): Promise<void> {
  if (events.length === 0) return;
  const hooks = await db.selectFrom('event_webhooks').select(['id', 'events']).where('active', '=', true).execute();
  const rows = events.flatMap((e) => {
    const wanting = hooks.filter((h) => (h.events as string[]).includes(e.type));
    if (wanting.length === 0) return [];
    const eventId = randomUUID();
    const body = JSON.stringify({ id: eventId, type: e.type, createdAt: now.toISOString(), data: e.data });
    return wanting.map((h) => ({
      id: randomUUID(),
      webhook_id: h.id,
      event_id: eventId,
      event_type: e.type,
      contact_id: e.contactId,
      body,
      next_attempt_at: now,
      created_at: now,
    }));
  });
  if (rows.length) await db.insertInto('event_deliveries').values(rows).execute();
}

/**
 * The same, as a data-modifying CTE body for the one-statement paths (webhook storage, sends):
 * `source` is a query with the columns `contact_id` (text), `data` (jsonb) and `ord` (the
 * events' order, e.g. the WhatsApp timestamp), one row per event.
 * Use it as `events_x as (${eventInsert('message.received', sql`select … from inserted`, at)})`.
 */
export function eventInsert(type: EventType, source: RawBuilder<unknown>, at: string): RawBuilder<unknown> {
  return sql`insert into event_deliveries (id, webhook_id, event_id, event_type, contact_id, body, next_attempt_at, created_at)
    with ev as materialized (
      select gen_random_uuid()::text as event_id, s.contact_id, s.data, s.ord
      from (${source}) s
      where exists (select 1 from event_webhooks w where w.active and w.events ? ${type})
    )
    select gen_random_uuid()::text, w.id, ev.event_id, ${type}, ev.contact_id,
      jsonb_build_object('id', ev.event_id, 'type', ${type}::text, 'createdAt', ${at}::text, 'data', ev.data)::text,
      ${at}::timestamptz, ${at}::timestamptz
    from ev cross join event_webhooks w
    where w.active and w.events ? ${type}
    order by ev.contact_id, ev.ord`;
}

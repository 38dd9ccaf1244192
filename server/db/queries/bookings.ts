import { randomUUID } from 'node:crypto';
import type { BookedCounts } from '../../../shared/agenda/slots.ts';
import type { Executor } from '../database.ts';
import type { Row } from '../tables.ts';

export type BookingRow = Row<'bookings'>;

export interface NewBooking {
  agendaId: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  phone: string;
  name: string;
  remindAt: Date | null;
}

/** Seats taken per start instant (ISO) in [from, to). */
export async function bookedCounts(db: Executor, agendaId: string, from: Date, to: Date): Promise<BookedCounts> {
  const rows = await db
    .selectFrom('bookings')
    .select(['starts_at'])
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('agenda_id', '=', agendaId)
    .where('status', '=', 'booked')
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .groupBy('starts_at')
    .execute();
  return Object.fromEntries(rows.map((r) => [new Date(r.starts_at).toISOString(), Number(r.n)]));
}

/**
 * Takes a free seat of a slot, or returns the booking this contact already holds there (a
 * retried step books once). Each seat is one insert that the partial unique index lets only one
 * writer win, on every instance alike; null when all seats are taken.
 */
export async function takeSeat(db: Executor, b: NewBooking): Promise<BookingRow | null> {
  const held = await db
    .selectFrom('bookings')
    .selectAll()
    .where('agenda_id', '=', b.agendaId)
    .where('starts_at', '=', b.startsAt)
    .where('contact_phone', '=', b.phone)
    .where('status', '=', 'booked')
    .executeTakeFirst();
  if (held) return held;
  const contact = await db
    .selectFrom('contacts')
    .select('id')
    .where('wa_id', '=', b.phone)
    .orderBy('last_inbound_at', 'desc')
    .executeTakeFirst();
  for (let seat = 1; seat <= b.capacity; seat++) {
    const row = await db
      .insertInto('bookings')
      .values({
        id: randomUUID(),
        agenda_id: b.agendaId,
        starts_at: b.startsAt,
        ends_at: b.endsAt,
        seat,
        contact_id: contact?.id ?? null,
        contact_phone: b.phone,
        contact_name: b.name,
        remind_at: b.remindAt,
      })
      .onConflict((oc) => oc.columns(['agenda_id', 'starts_at', 'seat']).where('status', '=', 'booked').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (row) return row;
  }
  return null;
}

export async function nextBookingOf(
  db: Executor,
  agendaId: string,
  phone: string,
  now: Date,
): Promise<BookingRow | null> {
  const row = await db
    .selectFrom('bookings')
    .selectAll()
    .where('agenda_id', '=', agendaId)
    .where('contact_phone', '=', phone)
    .where('status', '=', 'booked')
    .where('starts_at', '>', now)
    .orderBy('starts_at')
    .executeTakeFirst();
  return row ?? null;
}

/** Cancels a booking (of this contact when a phone is given); false when there was none to cancel. */
export async function cancelBooking(db: Executor, id: string, now: Date, phone?: string): Promise<BookingRow | null> {
  let q = db
    .updateTable('bookings')
    .set({ status: 'cancelled', cancelled_at: now })
    .where('id', '=', id)
    .where('status', '=', 'booked');
  if (phone !== undefined) q = q.where('contact_phone', '=', phone);
  return (await q.returningAll().executeTakeFirst()) ?? null;
}

export interface BookingsFilter {
  agendaId?: string;
  from: Date;
  to: Date;
  includeCancelled: boolean;
}

export async function listBookings(db: Executor, f: BookingsFilter): Promise<BookingRow[]> {
  let q = db
    .selectFrom('bookings')
    .selectAll()
    .where('starts_at', '>=', f.from)
    .where('starts_at', '<', f.to)
    .orderBy('starts_at')
    .orderBy('seat')
    .limit(2000);
  if (f.agendaId) q = q.where('agenda_id', '=', f.agendaId);
  if (!f.includeCancelled) q = q.where('status', '=', 'booked');
  return q.execute();
}

export async function findBooking(db: Executor, id: string): Promise<BookingRow | null> {
  return (await db.selectFrom('bookings').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

import type { AgendaPort } from '../../runtime/ports.ts';
import { isBookableStart } from '../../shared/agenda/slots.ts';
import { findAgenda } from '../db/queries/agendas.ts';
import { bookedCounts, cancelBooking, nextBookingOf, takeSeat } from '../db/queries/bookings.ts';
import type { Db } from '../db/database.ts';

/**
 * The agenda as the schedule block sees it. Booking is checked against the rules again here,
 * as the AI agent's `book_slot` may ask for any instant, and is atomic in the database.
 */
export function createAgendaPort(db: Db, clock: { now(): Date; timeZone?: string }): AgendaPort {
  const zone = () => clock.timeZone ?? 'America/Sao_Paulo';
  return {
    async rules(agendaId) {
      return (await findAgenda(db, agendaId))?.rules ?? null;
    },
    booked: (agendaId, from, to) => bookedCounts(db, agendaId, from, to),
    async book({ agendaId, startsAt, contact }) {
      const agenda = await findAgenda(db, agendaId);
      const at = new Date(startsAt);
      if (!agenda || Number.isNaN(at.getTime()) || !isBookableStart(agenda.rules, at, clock.now(), zone())) return null;
      const { slotMinutes, capacity, reminderMinutes } = agenda.rules;
      const row = await takeSeat(db, {
        agendaId,
        startsAt: at,
        endsAt: new Date(at.getTime() + slotMinutes * 60_000),
        capacity,
        phone: contact.phone,
        name: contact.name,
        remindAt: reminderMinutes === null ? null : new Date(at.getTime() - reminderMinutes * 60_000),
      });
      return row ? { id: row.id, agendaId, startsAt: new Date(row.starts_at).toISOString() } : null;
    },
    async upcoming(agendaId, phone) {
      const row = await nextBookingOf(db, agendaId, phone, clock.now());
      return row ? { id: row.id, agendaId, startsAt: new Date(row.starts_at).toISOString() } : null;
    },
    async cancel(bookingId, phone) {
      await cancelBooking(db, bookingId, clock.now(), phone);
    },
  };
}

import type { AgendaPort } from '../../runtime/ports.ts';

/**
 * The simulator offers the real free slots but books nothing: a draft tried in the studio must
 * not take a seat a real contact could have had. Its "bookings" live as long as the port.
 */
export function simulatedAgenda(real: AgendaPort): AgendaPort {
  const held = new Map<string, { id: string; agendaId: string; startsAt: string; phone: string }>();
  return {
    rules: (agendaId) => real.rules(agendaId),
    booked: (agendaId, from, to) => real.booked(agendaId, from, to),
    async book({ agendaId, startsAt, contact }) {
      const counts = await real.booked(agendaId, new Date(startsAt), new Date(Date.parse(startsAt) + 1));
      const rules = await real.rules(agendaId);
      if (!rules || (counts[startsAt] ?? 0) >= rules.capacity) return null;
      const booking = { id: `simulado-${held.size + 1}`, agendaId, startsAt, phone: contact.phone };
      held.set(booking.id, booking);
      return { id: booking.id, agendaId, startsAt };
    },
    async upcoming(agendaId, phone) {
      const mine = [...held.values()].find((b) => b.agendaId === agendaId && b.phone === phone);
      return mine ? { id: mine.id, agendaId, startsAt: mine.startsAt } : null;
    },
    async cancel(bookingId) {
      held.delete(bookingId);
    },
  };
}

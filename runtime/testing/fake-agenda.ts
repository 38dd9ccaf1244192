import { agendaRules, type AgendaRulesInput } from '../../shared/agenda/agenda.ts';
import { isBookableStart } from '../../shared/agenda/slots.ts';
import type { AgendaPort, Booking } from '../ports.ts';

export interface FakeBooking extends Booking {
  phone: string;
  seat: number;
  cancelled: boolean;
}

/**
 * Agendas in memory with the server's rules: one booking per seat, a contact's repeated booking
 * of the same slot answered with the one it holds, bookable starts only.
 */
export function fakeAgenda(
  agendas: Record<string, AgendaRulesInput>,
  clock: { now(): Date; timeZone?: string },
  bookings: FakeBooking[] = [],
): AgendaPort {
  const rules = new Map(Object.entries(agendas).map(([id, r]) => [id, agendaRules.parse(r)]));
  const live = (agendaId: string) => bookings.filter((b) => b.agendaId === agendaId && !b.cancelled);
  const zone = () => clock.timeZone ?? 'America/Sao_Paulo';
  return {
    rules: async (id) => rules.get(id) ?? null,
    async booked(agendaId, from, to) {
      const counts: Record<string, number> = {};
      for (const b of live(agendaId)) {
        const at = Date.parse(b.startsAt);
        if (at >= from.getTime() && at < to.getTime()) counts[b.startsAt] = (counts[b.startsAt] ?? 0) + 1;
      }
      return counts;
    },
    async book({ agendaId, startsAt, contact }) {
      const r = rules.get(agendaId);
      if (!r || !isBookableStart(r, new Date(startsAt), clock.now(), zone())) return null;
      const same = live(agendaId).filter((b) => b.startsAt === startsAt);
      const mine = same.find((b) => b.phone === contact.phone);
      if (mine) return { id: mine.id, agendaId, startsAt };
      if (same.length >= r.capacity) return null;
      const booking = {
        id: `booking-${bookings.length + 1}`,
        agendaId,
        startsAt,
        phone: contact.phone,
        seat: same.length + 1,
        cancelled: false,
      };
      bookings.push(booking);
      return { id: booking.id, agendaId, startsAt };
    },
    async upcoming(agendaId, phone) {
      const now = clock.now().getTime();
      const next = live(agendaId)
        .filter((b) => b.phone === phone && Date.parse(b.startsAt) > now)
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
      return next ? { id: next.id, agendaId, startsAt: next.startsAt } : null;
    },
    async cancel(bookingId, phone) {
      for (const b of bookings) if (b.id === bookingId && b.phone === phone) b.cancelled = true;
    },
  };
}

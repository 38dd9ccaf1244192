import type { Agenda, Booking } from '../../shared/api/agendas.ts';
import type { StoredAgenda } from '../db/queries/agendas.ts';
import type { BookingRow } from '../db/queries/bookings.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function agendaView(a: StoredAgenda): Agenda {
  return {
    id: a.id,
    ...a.rules,
    calendarPath: `/api/agendas/${encodeURIComponent(a.id)}/calendar.ics?token=${a.calendarToken}`,
    createdAt: new Date(a.createdAt).toISOString(),
    updatedAt: new Date(a.updatedAt).toISOString(),
  };
}

export function bookingView(b: BookingRow, agendaName: string): Booking {
  return {
    id: b.id,
    agendaId: b.agenda_id,
    agendaName,
    startsAt: new Date(b.starts_at).toISOString(),
    endsAt: new Date(b.ends_at).toISOString(),
    seat: b.seat,
    contactId: b.contact_id,
    contactName: b.contact_name,
    contactPhone: b.contact_phone,
    status: b.status,
    remindAt: iso(b.remind_at),
    remindedAt: iso(b.reminded_at),
    createdAt: new Date(b.created_at).toISOString(),
    cancelledAt: iso(b.cancelled_at),
  };
}

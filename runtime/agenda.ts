import type { AgendaRules } from '../shared/agenda/agenda.ts';
import { freeSlots, horizonSpan, openDates, type Slot } from '../shared/agenda/slots.ts';
import { defaultTimeZone } from '../shared/api/settings.ts';
import { wallTimeOf, weekdayOf } from '../shared/agenda/zoned-time.ts';
import type { Booking, BookingRequest, Ports } from './ports.ts';
import type { Json } from './session.ts';

/**
 * Appointments as flows and the AI agent use them: the free slots of an agenda and booking
 * one. Pure over the agenda port; slot rules live in shared/agenda.
 */
export interface OpenDay {
  date: string;
  slots: Slot[];
}

export const weekdayNamesBR = [
  'domingo',
  'segunda-feira',
  'terça-feira',
  'quarta-feira',
  'quinta-feira',
  'sexta-feira',
  'sábado',
] as const;

const zoneOf = (ports: Ports) => ports.clock.timeZone ?? defaultTimeZone;

/** The days from today on with at least one free slot, each with its free slots (one query for the seats). */
export async function openDays(ports: Ports, agendaId: string, rules: AgendaRules, limit: number): Promise<OpenDay[]> {
  const now = ports.clock.now();
  const zone = zoneOf(ports);
  const span = horizonSpan(rules, now, zone);
  const booked = await ports.agenda.booked(agendaId, span.from, span.to);
  const days: OpenDay[] = [];
  for (const date of openDates(rules, now, zone)) {
    const slots = freeSlots(rules, date, now, zone, booked);
    if (slots.length > 0) days.push({ date, slots });
    if (days.length >= limit) break;
  }
  return days;
}

/** The free slots of one day ("2027-03-20"); empty when closed, past, beyond the horizon or full. */
export async function daySlots(ports: Ports, agendaId: string, rules: AgendaRules, date: string): Promise<Slot[]> {
  const now = ports.clock.now();
  const zone = zoneOf(ports);
  const span = horizonSpan(rules, now, zone);
  const booked = await ports.agenda.booked(agendaId, span.from, span.to);
  return freeSlots(rules, date, now, zone, booked);
}

/** For the AI agent's `list_slots`: the next days with free slots, or one day's. */
export async function listSlots(ports: Ports, agendaId: string, date: string | null, limit = 7): Promise<OpenDay[]> {
  const rules = await ports.agenda.rules(agendaId);
  if (!rules) return [];
  if (date === null) return openDays(ports, agendaId, rules, limit);
  const slots = await daySlots(ports, agendaId, rules, date);
  return slots.length ? [{ date, slots }] : [];
}

/** For the AI agent's `book_slot`: null when the slot is gone or was never offered. */
export function bookSlot(ports: Ports, request: BookingRequest): Promise<Booking | null> {
  return ports.agenda.book(request);
}

/** "09h", "10h30": how Brazilians write a time in a chat. */
export function hourLabel(time: string): string {
  const [h, m] = time.split(':');
  return m === '00' ? `${h}h` : `${h}h${m}`;
}

/** "20/03/2027". */
export const dateLabel = (date: string) => date.split('-').reverse().join('/');

/** What a flow stores about a booking (or the day being picked, without id and time). */
export function bookingVariable(ports: Ports, date: string, booking: Booking | null): Record<string, Json> {
  const base = { data: dateLabel(date), dia_semana: weekdayNamesBR[weekdayOf(date)] ?? '' };
  if (!booking) return base;
  const wall = wallTimeOf(new Date(booking.startsAt), zoneOf(ports));
  return { id: booking.id, ...base, hora: hourLabel(wall.time), inicio: booking.startsAt };
}

/** The zone's date of a booking. */
export const bookingDate = (ports: Ports, booking: Booking) =>
  wallTimeOf(new Date(booking.startsAt), zoneOf(ports)).date;

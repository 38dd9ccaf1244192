import { z } from 'zod';
import { agendaRules } from '../agenda/agenda.ts';
import { updateRequestOf } from './common.ts';

/** Appointments: agendas (bookable resources with their rules) and their bookings. */
export const agenda = agendaRules.extend({
  id: z.string(),
  /** Path of the iCalendar feed, secret token included: give it to a calendar app. */
  calendarPath: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Agenda = z.infer<typeof agenda>;

export const createAgendaRequest = agendaRules;
export type CreateAgendaRequest = z.input<typeof createAgendaRequest>;
export const updateAgendaRequest = updateRequestOf(agendaRules);
export type UpdateAgendaRequest = z.input<typeof updateAgendaRequest>;

export const agendasResponse = z.object({ agendas: z.array(agenda) });
export const agendaResponse = z.object({ agenda });

export const bookingStatuses = ['booked', 'cancelled'] as const;

export const booking = z.object({
  id: z.string(),
  agendaId: z.string(),
  agendaName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  seat: z.number().int(),
  contactId: z.string().nullable(),
  contactName: z.string(),
  contactPhone: z.string(),
  status: z.enum(bookingStatuses),
  remindAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
});
export type Booking = z.infer<typeof booking>;

/** A period of start instants, `from` inclusive and `to` exclusive (the studio sends its local days' ends). */
export const bookingsFilter = z.object({
  agendaId: z.string().min(1).max(100).optional(),
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  includeCancelled: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export type BookingsFilter = z.input<typeof bookingsFilter>;

export const bookingsResponse = z.object({
  bookings: z.array(booking),
  /** The business time zone (Configurações) the studio shows the times and days in. */
  timeZone: z.string(),
});
export const bookingResponse = z.object({ booking });

import { z } from 'zod';

/**
 * An agenda is one bookable resource (a broker, a room, a property): when it takes bookings and
 * how many at once. Hours are read in the installation's time zone (Configurações).
 */
export const agendaWeekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type AgendaWeekday = (typeof agendaWeekdays)[number];

const hhmm = '([01]\\d|2[0-3]):[0-5]\\d';
/** "09:00" is one slot starting then; "14:00-18:00" is slots of the agenda's length from 14:00 while they end by 18:00. */
export const agendaHoursEntry = z
  .string()
  .trim()
  .regex(new RegExp(`^${hhmm}(-${hhmm})?$`, 'u'), 'use HH:MM ou HH:MM-HH:MM')
  .refine((s) => !s.includes('-') || s.slice(0, 5) < s.slice(6), 'o início vem antes do fim');

const dayHours = z.array(agendaHoursEntry).max(48).default([]);
export const agendaHours = z.object({
  sun: dayHours,
  mon: dayHours,
  tue: dayHours,
  wed: dayHours,
  thu: dayHours,
  fri: dayHours,
  sat: dayHours,
});
export type AgendaHours = z.infer<typeof agendaHours>;

export const agendaKinds = ['person', 'room', 'property', 'other'] as const;

/** What the engine needs to offer slots; the API's agenda adds ids and timestamps. */
export const agendaRules = z.object({
  name: z.string().trim().min(1).max(80),
  kind: z.enum(agendaKinds).default('person'),
  hours: agendaHours.default(agendaHours.parse({})),
  slotMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  /** Bookings one slot takes at once (seats). */
  capacity: z.number().int().min(1).max(100).default(1),
  /** Holidays and blackout days, ISO dates ("2026-12-25"). */
  closedDates: z.array(z.iso.date()).max(366).default([]),
  /** A slot starting sooner than this is not offered. */
  minNoticeMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 30)
    .default(120),
  /** Days ahead offered, today included. */
  horizonDays: z.number().int().min(1).max(365).default(30),
  /** The contact is reminded this long before; null sends no reminder. */
  reminderMinutes: z
    .number()
    .int()
    .min(10)
    .max(60 * 24 * 7)
    .nullable()
    .default(24 * 60),
  /**
   * The Meta-approved template a reminder goes as when the contact's 24-hour window has closed
   * (inside it, a text); its body parameters may use {{nome}}, {{agenda}}, {{data}} and {{hora}}.
   * Null: outside the window the reminder is only recorded.
   */
  reminderTemplate: z
    .object({
      name: z.string().trim().min(1).max(512),
      language: z.string().trim().min(2).max(15).default('pt_BR'),
      parameters: z.array(z.string().max(1024)).max(20).default([]),
    })
    .nullable()
    .default(null),
  active: z.boolean().default(true),
});
export type AgendaRules = z.infer<typeof agendaRules>;
export type AgendaRulesInput = z.input<typeof agendaRules>;

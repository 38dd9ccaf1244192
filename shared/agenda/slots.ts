import { agendaWeekdays, type AgendaRules } from './agenda.ts';
import { addDaysISO, instantOf, wallTimeOf, weekdayOf } from './zoned-time.ts';

/** A start time an agenda offers, with the seats still free. */
export interface Slot {
  /** The instant, ISO in UTC: the booking key with the agenda and the seat. */
  startsAt: string;
  /** The zone's calendar date and time, "2027-03-20" and "10:30". */
  date: string;
  time: string;
  free: number;
}

/** Seats taken per start instant (ISO in UTC). */
export type BookedCounts = Record<string, number>;

const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const timeOf = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** The start times a weekday's hours name, in order: single times and ranges cut into slots. */
export function startTimes(rules: Pick<AgendaRules, 'hours' | 'slotMinutes'>, weekday: number): string[] {
  const entries = rules.hours[agendaWeekdays[weekday] ?? 'sun'];
  const times = new Set<number>();
  for (const entry of entries) {
    const [from, to] = entry.split('-');
    if (from === undefined) continue;
    if (to === undefined) times.add(minutesOf(from));
    else for (let m = minutesOf(from); m + rules.slotMinutes <= minutesOf(to); m += rules.slotMinutes) times.add(m);
  }
  return [...times].sort((a, b) => a - b).map(timeOf);
}

/** The dates within the horizon (today first) that are open at all: hours that day, not closed. */
export function openDates(rules: AgendaRules, now: Date, timeZone: string): string[] {
  if (!rules.active) return [];
  const today = wallTimeOf(now, timeZone).date;
  const closed = new Set(rules.closedDates);
  const dates: string[] = [];
  for (let i = 0; i < rules.horizonDays; i++) {
    const date = addDaysISO(today, i);
    if (!closed.has(date) && startTimes(rules, weekdayOf(date)).length > 0) dates.push(date);
  }
  return dates;
}

/** Whether a date is one the agenda books at all now (in the horizon, open, not past). */
export function isOpenDate(rules: AgendaRules, date: string, now: Date, timeZone: string): boolean {
  return openDates(rules, now, timeZone).includes(date);
}

/**
 * The slots of a date a contact may still book: in the horizon, not closed, starting after the
 * minimum notice, with a seat free. Empty for any other date.
 */
export function freeSlots(rules: AgendaRules, date: string, now: Date, timeZone: string, booked: BookedCounts): Slot[] {
  if (!isOpenDate(rules, date, now, timeZone)) return [];
  const earliest = now.getTime() + rules.minNoticeMinutes * 60_000;
  const slots: Slot[] = [];
  for (const time of startTimes(rules, weekdayOf(date))) {
    const at = instantOf(date, time, timeZone);
    if (at.getTime() < earliest) continue;
    const startsAt = at.toISOString();
    const free = rules.capacity - (booked[startsAt] ?? 0);
    if (free > 0) slots.push({ startsAt, date, time, free });
  }
  return slots;
}

/** Whether this instant is a slot of the agenda that may be booked now (ignoring seats). */
export function isBookableStart(rules: AgendaRules, startsAt: Date, now: Date, timeZone: string): boolean {
  const { date } = wallTimeOf(startsAt, timeZone);
  return freeSlots(rules, date, now, timeZone, {}).some((s) => s.startsAt === startsAt.toISOString());
}

/** The span of instants the horizon covers, to ask for the seats taken in one query. */
export function horizonSpan(rules: AgendaRules, now: Date, timeZone: string): { from: Date; to: Date } {
  const today = wallTimeOf(now, timeZone).date;
  return { from: now, to: instantOf(addDaysISO(today, rules.horizonDays), '00:00', timeZone) };
}

import { addDaysISO, instantOf, wallTimeOf, weekdayOf } from '../../../shared/agenda/zoned-time.ts';

/**
 * Day arithmetic for the bookings views in the business time zone (Configurações), not the
 * browser's: a broker travelling still sees the visits at the shop's hours. Days are ISO dates.
 */
export type View = 'day' | 'week';

/** The zone's calendar date now. */
export const todayIn = (timeZone: string, now = new Date()) => wallTimeOf(now, timeZone).date;

/** The shown days: one, or the week from Monday. */
export function periodOf(anchor: string, view: View): string[] {
  if (view === 'day') return [anchor];
  const monday = addDaysISO(anchor, -((weekdayOf(anchor) + 6) % 7));
  return Array.from({ length: 7 }, (_, i) => addDaysISO(monday, i));
}

/** The instants the days span in the zone: from the first day's midnight to the day after the last's. */
export function rangeOf(days: string[], timeZone: string): { from: Date; to: Date } {
  const first = days[0] ?? todayIn(timeZone);
  const last = days[days.length - 1] ?? first;
  return { from: instantOf(first, '00:00', timeZone), to: instantOf(addDaysISO(last, 1), '00:00', timeZone) };
}

/** The zone's date of an instant, to put a booking under its day. */
export const dayOf = (iso: string, timeZone: string) => wallTimeOf(new Date(iso), timeZone).date;

export { addDaysISO };

import type { BusinessHours, Weekday } from '../../shared/api/settings.ts';

// Building a formatter is slow; an installation uses one zone (two while it changes).
const formats = new Map<string, Intl.DateTimeFormat>();
const weekdayOf: Record<string, Weekday> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
};

/**
 * Whether the business is open at `at`: the weekday and `HH:MM` of `at` in `timeZone` fall in one
 * of that day's ranges (`start` included, `end` excluded; an `end` of `23:59` runs to midnight,
 * since the settings cannot say `24:00`).
 */
export function isWithinBusinessHours(at: Date, hours: BusinessHours, timeZone: string): boolean {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  const p: Record<string, string> = {};
  for (const part of format.formatToParts(at)) p[part.type] = part.value;
  const day = weekdayOf[p.weekday ?? ''];
  if (!day) return false;
  const time = `${p.hour}:${p.minute}`;
  return hours[day].some((r) => time >= r.start && (time < r.end || r.end === '23:59'));
}

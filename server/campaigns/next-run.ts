import type { RecurringSchedule } from '../../shared/api/campaigns.ts';
import type { Weekday } from '../../shared/api/settings.ts';

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: Weekday;
}

/** The date and time a wall clock in `zone` shows at `at`. */
function wallClock(at: Date, zone: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    weekday: 'short',
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    weekday: get('weekday').toLowerCase().slice(0, 3) as Weekday,
  };
}

/**
 * The instant a wall clock in `zone` reads this date at `hh:mm`. Read twice: the zone's offset
 * at the first guess may differ from the one at the answer (a daylight-saving change between).
 */
function instantOf(year: number, month: number, day: number, hh: number, mm: number, zone: string): Date {
  const asUtc = Date.UTC(year, month - 1, day, hh, mm);
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const w = wallClock(new Date(guess), zone);
    const shown = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
    guess += asUtc - shown;
  }
  return new Date(guess);
}

/**
 * The first run of a recurring campaign strictly after `after`: the next day (or chosen
 * weekday) whose `time` in the business time zone is still ahead.
 */
export function nextRunAfter(schedule: RecurringSchedule, after: Date, zone: string): Date {
  const [hh = 0, mm = 0] = schedule.time.split(':').map(Number);
  const today = wallClock(after, zone);
  for (let offset = 0; offset <= 7; offset++) {
    // Noon of the day `offset` days ahead, so the calendar date is right whatever the offset.
    const noon = instantOf(today.year, today.month, today.day + offset, 12, 0, zone);
    const day = wallClock(noon, zone);
    if (schedule.kind === 'weekly' && !schedule.weekdays.includes(day.weekday)) continue;
    const run = instantOf(day.year, day.month, day.day, hh, mm, zone);
    if (run.getTime() > after.getTime()) return run;
  }
  // Unreachable with at least one weekday; a week ahead keeps a bad row from running in a loop.
  return new Date(after.getTime() + 7 * 86_400_000);
}

const dayMs = 86_400_000;

/** The latest period the dashboard may cover, so that one call never scans years of messages. */
export const maxPeriodDays = 366;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading of `at` in `timeZone`, as if it were UTC (milliseconds). */
function wallClockMs(at: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    formatterOf(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
}

/** The local day `at` falls on in `timeZone`, `YYYY-MM-DD`. */
export function localDayOf(at: Date, timeZone: string): string {
  return new Date(wallClockMs(at, timeZone)).toISOString().slice(0, 10);
}

/**
 * The instant a local day (`YYYY-MM-DD`) starts in `timeZone`. Computed from the zone's offset
 * around that midnight, twice, so a daylight-saving change that day lands right.
 */
export function startOfDay(day: string, timeZone: string): Date {
  const wall = Date.parse(`${day}T00:00:00Z`);
  let at = wall;
  for (let i = 0; i < 2; i += 1) at = wall - (wallClockMs(new Date(at), timeZone) - at);
  return new Date(at);
}

/** The local day after `day`. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + dayMs).toISOString().slice(0, 10);
}

/** Midnight (in `timeZone`) of the day `at` falls on. */
export function startOfLocalDay(at: Date, timeZone: string): Date {
  return startOfDay(localDayOf(at, timeZone), timeZone);
}

/**
 * The period asked for: `to` defaults to now, `from` to the start of the local day `days - 1`
 * days before `to` (so "7 days" is today and the six before it). Null when it is longer than
 * `maxPeriodDays`.
 */
export function resolvePeriod(
  q: { days?: number; from?: string; to?: string },
  now: Date,
  timeZone: string,
): { from: Date; to: Date } | null {
  const to = q.to ? new Date(q.to) : now;
  let from: Date;
  if (q.from) from = new Date(q.from);
  else {
    let day = localDayOf(to, timeZone);
    const back = new Date(Date.parse(`${day}T00:00:00Z`) - ((q.days ?? 7) - 1) * dayMs);
    day = back.toISOString().slice(0, 10);
    from = startOfDay(day, timeZone);
  }
  if (to.getTime() - from.getTime() > maxPeriodDays * dayMs) return null;
  return { from, to };
}

/** Every local day of the period, `YYYY-MM-DD`, in order: the chart's x axis has no gaps. */
export function localDays(from: Date, to: Date, timeZone: string): string[] {
  const days: string[] = [];
  for (let day = localDayOf(from, timeZone); startOfDay(day, timeZone) < to; day = nextDay(day)) days.push(day);
  return days;
}

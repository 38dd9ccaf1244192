/** The zone the dashboard counts days in (the account's; Brazil has had no daylight saving since 2019). */
export const dashboardTimeZone = 'America/Sao_Paulo';
const zoneOffsetMs = -3 * 3_600_000;
const dayMs = 86_400_000;

/** The latest period the dashboard may cover, so that one call never scans years of messages. */
export const maxPeriodDays = 366;

/** Midnight (in the dashboard's zone) of the day `at` falls on. */
export function startOfLocalDay(at: Date): Date {
  const local = at.getTime() + zoneOffsetMs;
  return new Date(local - (((local % dayMs) + dayMs) % dayMs) - zoneOffsetMs);
}

/**
 * The period asked for: `to` defaults to now, `from` to the start of the local day `days - 1`
 * days before `to` (so "7 days" is today and the six before it). Null when it is longer than
 * `maxPeriodDays`.
 */
export function resolvePeriod(
  q: { days?: number; from?: string; to?: string },
  now: Date,
): { from: Date; to: Date } | null {
  const to = q.to ? new Date(q.to) : now;
  const from = q.from ? new Date(q.from) : new Date(startOfLocalDay(to).getTime() - ((q.days ?? 7) - 1) * dayMs);
  if (to.getTime() - from.getTime() > maxPeriodDays * dayMs) return null;
  return { from, to };
}

/** Every local day of the period, `YYYY-MM-DD`, in order: the chart's x axis has no gaps. */
export function localDays(from: Date, to: Date): string[] {
  const days: string[] = [];
  for (let at = startOfLocalDay(from).getTime(); at < to.getTime(); at += dayMs) {
    days.push(new Date(at + zoneOffsetMs).toISOString().slice(0, 10));
  }
  return days;
}

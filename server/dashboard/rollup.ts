import type { Clock } from '../context.ts';
import type { Db } from '../db/database.ts';
import { dropOtherZones, earliestActivity, figureRows, rollupMarks, storeDay } from '../db/queries/daily-figures.ts';
import { claimInstallationJob } from '../db/queries/scheduled-jobs.ts';
import type { Logger } from '../logger.ts';
import { createPeriodicLoop } from '../queue/periodic-loop.ts';
import { loadSettings } from '../settings/load-settings.ts';
import { localDayOf, maxPeriodDays, nextDay, startOfDay } from './period.ts';

const dayMs = 86_400_000;

/**
 * A closed day keeps changing for a while: statuses arrive, sessions end, handoffs open on
 * yesterday's sessions. A day's rollup is computed again on every run until a computation made
 * this long after the day ended; after that it is final. (What changes later still, such as a
 * session ending three days after it started, is not in the rollup; retention deleting old
 * messages does not change it either, which is what "keeping aggregates" asks for.)
 */
export const settleMs = 2 * dayMs;

/**
 * Rolls up the closed days that are missing or not settled yet, at most `maxDays` per call, oldest
 * first. Returns how many days it computed (`maxDays`: call again).
 */
export async function refreshDailyFigures(
  db: Db,
  now: Date,
  timeZone: string,
  { maxDays = 31 }: { maxDays?: number } = {},
): Promise<number> {
  await dropOtherZones(db, timeZone);
  const earliest = await earliestActivity(db);
  if (!earliest) return 0;
  const today = localDayOf(now, timeZone);
  const oldest = localDayOf(new Date(Math.max(earliest.getTime(), now.getTime() - maxPeriodDays * dayMs)), timeZone);
  const marks = await rollupMarks(db, timeZone);
  let done = 0;
  for (let day = oldest; day < today && done < maxDays; day = nextDay(day)) {
    const end = startOfDay(nextDay(day), timeZone);
    const computedAt = marks.get(day);
    if (computedAt && computedAt.getTime() >= end.getTime() + settleMs) continue;
    const rows = await figureRows(db, { from: startOfDay(day, timeZone), to: end, timeZone, channelId: null });
    await db.transaction().execute((tx) => storeDay(tx, timeZone, day, rows, now));
    done += 1;
  }
  return done;
}

/** One run, if due and no other instance took it; goes on at once while days remain. */
export async function runRollupIfDue(db: Db, clock: Clock, everyMs: number): Promise<number> {
  const now = clock.now();
  if (!(await claimInstallationJob(db, 'daily_figures', now, new Date(now.getTime() + everyMs)))) return 0;
  const { timeZone } = await loadSettings(db);
  return refreshAllDailyFigures(db, () => clock.now(), timeZone);
}

/** `refreshDailyFigures` until no day is left behind (a first run over months of history). */
export async function refreshAllDailyFigures(db: Db, now: () => Date, timeZone: string): Promise<number> {
  const maxDays = 31;
  let total = 0;
  for (;;) {
    const done = await refreshDailyFigures(db, now(), timeZone, { maxDays });
    total += done;
    if (done < maxDays) return total;
  }
}

/** Refreshes the rollup every `everyMs` on one instance (`scheduled_jobs` decides which). */
export function createRollupLoop(
  db: Db,
  clock: Clock,
  logger: Logger,
  { firstCheckMs = 30_000, everyMs = 15 * 60_000 }: { firstCheckMs?: number; everyMs?: number } = {},
) {
  return createPeriodicLoop({
    name: 'dashboard rollup',
    firstRunMs: firstCheckMs,
    everyMs,
    logger,
    async run() {
      const days = await runRollupIfDue(db, clock, everyMs);
      if (days > 0) logger.info('dashboard rollup: days computed', { days });
    },
  });
}

import { sql } from 'kysely';
import type { Logger } from '../logger.ts';
import { createPeriodicLoop } from '../queue/periodic-loop.ts';
import type { Db } from './database.ts';

/** Rows rewritten for every message: queue states, leases, session states, timers. */
const churning = ['outbox', 'contacts', 'conversation_sessions', 'scheduled_jobs', 'event_deliveries'];
/** Mostly appended; statuses and `processed_at` leave some dead rows behind. */
const growing = ['messages', 'analytics_events'];

export interface VacuumOptions {
  intervalMs?: number;
  /** Every how many rounds the growing tables are vacuumed and statistics refreshed. */
  growingEvery?: number;
  /**
   * Embedded: ANALYZE samples 300 × this many rows per table (Postgres' default target is 100,
   * so 30,000 rows). On PGlite's one thread every webhook and reply waits for it: at 120k
   * messages the default sample took 1.3–2.8 s, a stall of every contact at once every two
   * minutes of a soak; a target of 10 took ~0.1 s. Row counts, null fractions and distinct
   * counts, which the queue queries' plans depend on, come out nearly the same from 3,000 rows.
   * Unset (Postgres, where ANALYZE blocks nobody): the server's own target.
   */
  statisticsTarget?: number;
}

/**
 * Vacuums the tables the WhatsApp runtime churns, on a timer. The queues are read through
 * partial indexes whose dead entries (every sent reply, every processed message) are only
 * removed by VACUUM: without it each claim walks thousands of them. Embedded PGlite has no
 * autovacuum at all, and Postgres' autovacuum wakes once a minute and waits for 20% of a table
 * to be dead, far too late for a queue. `skip_locked` lets several instances share the job.
 */
export function createVacuumLoop(
  db: Db,
  logger: Logger,
  { intervalMs = 10_000, growingEvery = 12, statisticsTarget }: VacuumOptions = {},
) {
  let round = 0;

  async function vacuum(): Promise<void> {
    round += 1;
    // ANALYZE reads a sample of every table (see `statisticsTarget`) while, embedded, every
    // webhook waits; the planner's statistics change slowly, so they are refreshed with the
    // growing tables, not on every round.
    const full = round % growingEvery === 0;
    const tables = full ? [...churning, ...growing] : churning;
    // One table per statement: embedded PGlite runs one statement at a time, so webhooks wait
    // behind a vacuum; four short waits instead of one long one keep their answers fast.
    for (const table of tables) {
      try {
        await sql`vacuum (skip_locked) ${sql.table(table)}`.execute(db);
        // Its own statement after the vacuum: two shorter waits for the embedded database, not one long one.
        if (full) await analyze(table);
      } catch (err) {
        logger.warn('vacuum failed; will try again', { table, err });
      }
    }
  }

  async function analyze(table: string): Promise<void> {
    if (statisticsTarget === undefined) {
      await sql`analyze (skip_locked) ${sql.table(table)}`.execute(db);
      return;
    }
    // `set local` lasts until the commit: the one connection's later statements keep the default.
    await db.transaction().execute(async (tx) => {
      await sql`set local default_statistics_target = ${sql.lit(statisticsTarget)}`.execute(tx);
      await sql`analyze (skip_locked) ${sql.table(table)}`.execute(tx);
    });
  }

  return {
    ...createPeriodicLoop({ name: 'vacuum', everyMs: intervalMs, run: vacuum, logger }),
    /** One pass now (tests, and after a burst). */
    runOnce: vacuum,
  };
}

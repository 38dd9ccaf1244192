import { sql } from 'kysely';
import type { Logger } from '../logger.ts';
import type { Db } from './database.ts';

/** Rows rewritten for every message: queue states, leases, session states, timers. */
const churning = ['outbox', 'contacts', 'conversation_sessions', 'scheduled_jobs'];
/** Mostly appended; statuses and `processed_at` leave some dead rows behind. */
const growing = ['messages', 'analytics_events'];

/**
 * Vacuums the tables the WhatsApp runtime churns, on a timer. The queues are read through
 * partial indexes whose dead entries (every sent reply, every processed message) are only
 * removed by VACUUM: without it each claim walks thousands of them. Embedded PGlite has no
 * autovacuum at all, and Postgres' autovacuum wakes once a minute and waits for 20% of a table
 * to be dead, far too late for a queue. `skip_locked` lets several instances share the job.
 */
export function createVacuumLoop(db: Db, logger: Logger, { intervalMs = 10_000, growingEvery = 12 } = {}) {
  let timer: NodeJS.Timeout | null = null;
  let round = 0;
  let running: Promise<void> = Promise.resolve();

  async function vacuum(): Promise<void> {
    round += 1;
    // ANALYZE samples up to 30,000 rows of a table, tens of milliseconds on the embedded
    // database that every webhook waits behind; the planner's statistics change slowly, so
    // they are refreshed with the growing tables, not on every round.
    const full = round % growingEvery === 0;
    const tables = full ? [...churning, ...growing] : churning;
    // One table per statement: embedded PGlite runs one statement at a time, so webhooks wait
    // behind a vacuum; four short waits instead of one long one keep their answers fast.
    for (const table of tables) {
      try {
        await (full
          ? sql`vacuum (analyze, skip_locked) ${sql.table(table)}`
          : sql`vacuum (skip_locked) ${sql.table(table)}`).execute(db);
      } catch (err) {
        logger.warn('vacuum failed; will try again', { table, err });
      }
    }
  }

  const schedule = () => {
    timer = setTimeout(() => {
      running = vacuum().finally(() => { if (timer) schedule(); });
    }, intervalMs);
    timer.unref();
  };

  return {
    start() { if (!timer) schedule(); },
    async stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
    /** One pass now (tests, and after a burst). */
    runOnce: vacuum,
  };
}

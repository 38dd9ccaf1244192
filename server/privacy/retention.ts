import { sql } from 'kysely';
import type { Clock } from '../context.ts';
import type { Db, Tx } from '../db/database.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { anonymiseOldMessages, deleteOldMessages, type RetentionBatch } from '../db/queries/retention.ts';
import { claimInstallationJob } from '../db/queries/scheduled-jobs.ts';
import type { Logger } from '../logger.ts';
import { createPeriodicLoop } from '../queue/periodic-loop.ts';
import { loadSettings } from '../settings/load-settings.ts';

const dayMs = 24 * 60 * 60_000;

export interface RetentionResult {
  days: number;
  cutoff: string;
  /** Messages deleted, and those emptied but kept for campaign figures. */
  deleted: number;
  anonymised: number;
  media: number;
  outbox: number;
}

export interface RetentionOptions {
  /** Rows per statement: each batch is a short transaction, so webhooks never wait long behind it. */
  batchSize?: number;
}

/** Runs `batch` until it comes back short, adding up what it did. */
async function inBatches(db: Db, limit: number, batch: (tx: Tx) => Promise<RetentionBatch>) {
  const total: RetentionBatch = { messages: 0, media: 0, outbox: 0 };
  for (;;) {
    const done = await db.transaction().execute(batch);
    total.messages += done.messages;
    total.media += done.media;
    total.outbox += done.outbox;
    if (done.messages < limit) return total;
  }
}

/**
 * Deletes messages older than `days` (with their media and sent outbox rows). Orders, order
 * items, analytics events, handoffs and campaigns are separate tables and stay; contacts stay
 * too (with their variables), since orders and handoffs point at them. The messages campaign
 * figures are read from are emptied instead of deleted (see `campaignEvidence`).
 */
export async function applyRetention(
  db: Db,
  now: Date,
  days: number,
  { batchSize = 500 }: RetentionOptions = {},
): Promise<RetentionResult> {
  const cutoff = new Date(now.getTime() - days * dayMs);
  const deleted = await inBatches(db, batchSize, (tx) => deleteOldMessages(tx, cutoff, batchSize));
  const anonymised = await inBatches(db, batchSize, (tx) => anonymiseOldMessages(tx, cutoff, batchSize));
  return {
    days,
    cutoff: cutoff.toISOString(),
    deleted: deleted.messages,
    anonymised: anonymised.messages,
    media: deleted.media + anonymised.media,
    outbox: deleted.outbox + anonymised.outbox,
  };
}

/**
 * Gives the space back for new rows. A plain VACUUM, not the VACUUM FULL of an erasure
 * (compact-after-erasure.ts): that locks each table while it copies it, which every day would
 * hold webhooks for seconds on a large install. Media bytes are most of the space freed.
 */
async function reclaimSpace(db: Db, logger: Logger): Promise<void> {
  for (const table of ['messages', 'media_files', 'outbox']) {
    try {
      await sql`vacuum (skip_locked) ${sql.table(table)}`.execute(db);
    } catch (err) {
      logger.warn('vacuum after retention failed', { table, err });
    }
  }
}

/**
 * One daily run, if it is due and no other instance took it: applies the configured retention
 * (nothing when it is "keep forever") and audits it as `retention.run` with its counts.
 * Null when there was nothing to run.
 */
export async function runRetentionIfDue(
  db: Db,
  clock: Clock,
  logger: Logger,
  options: RetentionOptions = {},
): Promise<RetentionResult | null> {
  const now = clock.now();
  if (!(await claimInstallationJob(db, 'retention', now, new Date(now.getTime() + dayMs)))) return null;
  const { retentionDays } = await loadSettings(db);
  if (retentionDays === null) return null;
  const result = await applyRetention(db, now, retentionDays, options);
  await recordAudit(db, null, 'retention.run', { type: 'messages', id: null }, { ...result });
  if (result.deleted + result.anonymised > 0) {
    logger.info('retention: old messages removed', { ...result });
    await reclaimSpace(db, logger);
  }
  return result;
}

export interface RetentionLoopOptions {
  /** The first check after start: soon, but not in the middle of the start's own work. */
  firstCheckMs?: number;
  /** How often an instance asks whether the day's run is due (a one-row update). */
  checkEveryMs?: number;
}

/** Checks for the daily retention run on a timer; `scheduled_jobs` decides which instance runs it. */
export function createRetentionLoop(
  db: Db,
  clock: Clock,
  logger: Logger,
  { firstCheckMs = 60_000, checkEveryMs = 10 * 60_000 }: RetentionLoopOptions = {},
) {
  return createPeriodicLoop({
    name: 'retention',
    firstRunMs: firstCheckMs,
    everyMs: checkEveryMs,
    logger,
    // The day's run was claimed before it failed: no other check today takes it again.
    failureMessage: 'retention failed; will try again tomorrow',
    async run() {
      await runRetentionIfDue(db, clock, logger);
    },
  });
}

import { metaCatalogSyncResult } from '../../shared/api/meta-catalog.ts';
import { claimInstallationJob } from '../db/queries/scheduled-jobs.ts';
import type { Logger } from '../logger.ts';
import { createPeriodicLoop } from '../queue/periodic-loop.ts';
import { recordSync, type LinkRow } from './link-store.ts';
import { syncLink, type SyncDeps } from './sync-catalog.ts';

/**
 * How long a taken sync keeps its link from other instances: far beyond a sync's Graph calls
 * (30 s each), and if the instance dies mid-sync the link is due again after it.
 */
const claimMs = 10 * 60_000;

/** The wait before retrying after `failures` automatic syncs failed in a row: 1 min, doubling, up to 1 h. */
export function retryDelayMs(failures: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, failures - 1), 3_600_000);
}

/**
 * Syncs each auto-synced link that is due. A link is taken by moving its `sync_due_at` from the
 * value just read to the claim's end, a compare-and-set only one instance (or tick) wins, so
 * Meta gets one `items_batch` however many race. Returns the links synced.
 */
export async function runDueMetaSyncs(deps: SyncDeps, { limit = 20 }: { limit?: number } = {}): Promise<number> {
  const { db } = deps;
  const due = await db
    .selectFrom('meta_catalog_links')
    .select(['catalog_id', 'sync_due_at'])
    .where('auto_sync', '=', true)
    .where('sync_due_at', '<=', deps.now())
    .orderBy('sync_due_at')
    .limit(limit)
    .execute();
  let synced = 0;
  for (const d of due) {
    if (!d.sync_due_at) continue;
    const claimedUntil = new Date(deps.now().getTime() + claimMs);
    const link = await db
      .updateTable('meta_catalog_links')
      .set({ sync_due_at: claimedUntil })
      .where('catalog_id', '=', d.catalog_id)
      .where('auto_sync', '=', true)
      .where('sync_due_at', '=', d.sync_due_at)
      .returningAll()
      .executeTakeFirst();
    if (!link) continue;
    await syncClaimed(deps, link, claimedUntil);
    synced += 1;
  }
  return synced;
}

async function syncClaimed(deps: SyncDeps, link: LinkRow, claimedUntil: Date): Promise<void> {
  const before = metaCatalogSyncResult.safeParse(link.last_sync);
  let result;
  try {
    result = await syncLink(deps, link);
  } catch (err) {
    // The database or the network failed under the sync: said like Meta refusing, and retried.
    result = {
      ok: false,
      items: 0,
      created: 0,
      updated: 0,
      deleted: 0,
      unchanged: 0,
      errors: [],
      error: err instanceof Error ? err.message : String(err),
    };
  }
  const now = deps.now();
  // Items Meta refused are not retried on a timer: they go again with the next edit or sync.
  if (!result.error) {
    await recordSync(deps.db, link.catalog_id, now, result, { dueAt: claimedUntil, next: null });
    return;
  }
  const failures = (before.success ? (before.data.failures ?? 0) : 0) + 1;
  await recordSync(
    deps.db,
    link.catalog_id,
    now,
    { ...result, failures },
    { dueAt: claimedUntil, next: new Date(now.getTime() + retryDelayMs(failures)) },
  );
}

/** One tick of the loop: nothing when another instance took this one (`scheduled_jobs`). */
export async function runMetaSyncsIfDue(deps: SyncDeps, everyMs: number): Promise<number> {
  const now = deps.now();
  if (!(await claimInstallationJob(deps.db, 'meta_catalog_sync', now, new Date(now.getTime() + everyMs)))) return 0;
  return runDueMetaSyncs(deps);
}

/**
 * Every `everyMs`, on one instance (`scheduled_jobs` decides which), syncs the auto-synced
 * catalogs whose debounce ran out.
 */
export function createMetaSyncLoop(deps: SyncDeps, logger: Logger, { everyMs = 15_000 }: { everyMs?: number } = {}) {
  return createPeriodicLoop({
    name: 'meta catalog automatic sync',
    everyMs,
    logger,
    async run() {
      const n = await runMetaSyncsIfDue(deps, everyMs);
      if (n > 0) logger.info('meta catalog: automatic syncs ran', { catalogs: n });
    },
  });
}

import { sendWave } from '../campaigns/send-wave.ts';
import { startDueOnce, startDueRecurring } from '../campaigns/start-runs.ts';
import type { Db } from '../db/database.ts';
import { loadSettings } from '../settings/load-settings.ts';

/**
 * One pass of the campaigns loop, each step its own transaction (a crash keeps all of a step or
 * none of it, and nothing is queued twice): a due recurring campaign gets its run, a due
 * campaign or run writes its recipients, and a running one queues its next wave of sends
 * (send-wave.ts, paced by the number's throughput). A campaign stays `running`: it is over when
 * its recipients are (see `campaign-views.ts`). Answers how many steps did something; the loop
 * runs again at once while they do.
 */
export async function runDueCampaigns(db: Db, now: Date): Promise<number> {
  // Read before the transaction: embedded PGlite has one connection, which the transaction holds.
  const zone = (await loadSettings(db)).timeZone;
  const recurring = await db.transaction().execute((tx) => startDueRecurring(tx, now, zone));
  const started = await db.transaction().execute((tx) => startDueOnce(tx, now));
  const wave = await db.transaction().execute((tx) => sendWave(tx, now));
  return recurring + (started ? 1 : 0) + (wave ? 1 : 0);
}

import { sql } from 'kysely';
import type { SecretBox } from '../auth/secret-box.ts';
import type { Db } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { checkPhoneNumber, type PhoneNumberCheckOptions } from '../whatsapp/phone-number-check.ts';
import { openSecrets } from './channel-directory.ts';

/** Meta upgrades a number's tier on its own (80 → 1,000 messages/s): read again this often. */
export const throughputReadEveryMs = 6 * 60 * 60 * 1000;

/**
 * Reads Meta's throughput tier of one working channel whose tier is unread or old, and stores it.
 * The row's read time is claimed first (one transaction, skipping rows another instance holds),
 * so instances never ask Meta twice for one number. Only channels whose connection test passed
 * are read (the test reads the tier first): a number Meta refuses has no tier to tell. Answers
 * whether one was due (more may be).
 */
export async function readOneThroughput(o: {
  db: Db;
  secrets: SecretBox;
  graph: Omit<PhoneNumberCheckOptions, 'timeoutMs'>;
  logger: Logger;
  now: Date;
}): Promise<boolean> {
  const due = new Date(o.now.getTime() - throughputReadEveryMs);
  const claimed = await o.db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('channels')
      .select(['id', 'phone_number_id', 'access_token_enc', 'app_secret_enc'])
      .where('check_ok', '=', true)
      .where('check_details', 'is not', null)
      .where('healthy', '=', true)
      .where((eb) => eb.or([eb('throughput_read_at', 'is', null), eb('throughput_read_at', '<', due)]))
      .orderBy(sql`throughput_read_at nulls first`)
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (row) await tx.updateTable('channels').set({ throughput_read_at: o.now }).where('id', '=', row.id).execute();
    return row;
  });
  if (!claimed) return false;
  const opened = openSecrets(o.secrets, claimed);
  if (!opened) return true;
  const result = await checkPhoneNumber({ ...o.graph, timeoutMs: 10_000 }, claimed.phone_number_id, opened.accessToken);
  if (!result.ok) {
    o.logger.warn("could not read the number's throughput tier from Meta", {
      channelId: claimed.id,
      error: result.error.message,
    });
    return true;
  }
  if (result.number.throughput !== null)
    await o.db
      .updateTable('channels')
      .set({ graph_throughput: result.number.throughput })
      .where('id', '=', claimed.id)
      .execute();
  return true;
}

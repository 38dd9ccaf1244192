import type { Db } from '../db/database.ts';
import { until } from './until.ts';

/**
 * Resolves once the inbound message `wamid` has been processed. The processor marks a message
 * processed in the same transaction that queues its replies (`commit-batch.ts`), so from then
 * on every reply it will ever get is written: a test can assert "nothing was answered"
 * on that fact (see `repliesTo`) instead of sleeping and hoping the worker had its turn.
 */
export async function waitForProcessed(db: Db, wamid: string, timeoutMs = 5000): Promise<void> {
  let stored = false;
  await until(
    () => `inbound ${wamid} to be ${stored ? 'processed' : 'stored and processed'}`,
    async () => {
      const row = await db
        .selectFrom('messages')
        .select('processed_at')
        .where('direction', '=', 'in')
        .where('wamid', '=', wamid)
        .executeTakeFirst();
      stored = row !== undefined;
      return Boolean(row?.processed_at);
    },
    timeoutMs,
  );
}

/**
 * Outbound messages written for the contact with this WhatsApp id: each reply is a message row
 * written with its outbox row, and stays after the outbox row is sent and deleted.
 */
export async function repliesTo(db: Db, waId: string): Promise<number> {
  const rows = await db
    .selectFrom('messages')
    .innerJoin('contacts', 'contacts.id', 'messages.contact_id')
    .select('messages.id')
    .where('contacts.wa_id', '=', waId)
    .where('messages.direction', '=', 'out')
    .execute();
  return rows.length;
}

import type { Db } from '../db/database.ts';

/**
 * Resolves once the inbound message `wamid` has been processed. The processor marks a message
 * processed in the same transaction that queues its replies (`commit-batch.ts`), so from then
 * on every reply it will ever get is written: a test can assert "nothing was answered"
 * on that fact (see `repliesTo`) instead of sleeping and hoping the worker had its turn.
 */
export async function waitForProcessed(db: Db, wamid: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await db.selectFrom('messages').select('processed_at')
      .where('direction', '=', 'in').where('wamid', '=', wamid).executeTakeFirst();
    if (row?.processed_at) return;
    if (Date.now() > deadline) throw new Error(`inbound ${wamid} ${row ? 'not processed' : 'not stored'} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Outbound messages written for the contact with this WhatsApp id: each reply is a message row
 * written with its outbox row, and stays after the outbox row is sent and deleted.
 */
export async function repliesTo(db: Db, waId: string): Promise<number> {
  const rows = await db.selectFrom('messages').innerJoin('contacts', 'contacts.id', 'messages.contact_id')
    .select('messages.id').where('contacts.wa_id', '=', waId).where('messages.direction', '=', 'out').execute();
  return rows.length;
}

import { sql } from 'kysely';
import type { Db, Executor } from '../db/database.ts';
import type { Row } from '../db/tables.ts';

export type ClaimedContact = Pick<Row<'contacts'>, 'id' | 'channel_id' | 'wa_id' | 'user_id' | 'name' | 'last_inbound_at'>;

/**
 * Takes up to `limit` contacts that have work (unprocessed messages or due timers) and no
 * live lease. The `lease_until` test is re-checked by Postgres on the locked row, so two
 * instances running this at once never both get the same contact.
 */
export async function claimContacts(db: Db, owner: string, now: Date, leaseMs: number, limit: number): Promise<ClaimedContact[]> {
  const until = new Date(now.getTime() + leaseMs);
  const result = await sql<ClaimedContact>`
    update contacts c set lease_owner = ${owner}, lease_until = ${until}
    where c.id in (
      select w.contact_id from (
        (select distinct contact_id from messages where direction = 'in' and processed_at is null limit ${limit * 4})
        union
        (select distinct contact_id from scheduled_jobs where status = 'pending' and run_at <= ${now} and contact_id is not null limit ${limit * 4})
      ) w
      join contacts x on x.id = w.contact_id
      where x.lease_until is null or x.lease_until < ${now}
      limit ${limit}
    )
    and (c.lease_until is null or c.lease_until < ${now})
    returning c.id, c.channel_id, c.wa_id, c.user_id, c.name, c.last_inbound_at
  `.execute(db);
  return result.rows;
}

/** Within the committing transaction: which of these contacts this owner still holds (row-locked). */
export async function lockOwned(tx: Executor, owner: string, contactIds: string[]): Promise<Set<string>> {
  if (contactIds.length === 0) return new Set();
  const rows = await tx.selectFrom('contacts').select('id')
    .where('id', 'in', contactIds).where('lease_owner', '=', owner).forUpdate().execute();
  return new Set(rows.map((r) => r.id));
}

export async function releaseLeases(db: Executor, owner: string, contactIds: string[], retryAt?: Date): Promise<void> {
  if (contactIds.length === 0) return;
  await db.updateTable('contacts')
    .set({ lease_owner: null, lease_until: retryAt ?? null })
    .where('id', 'in', contactIds).where('lease_owner', '=', owner).execute();
}

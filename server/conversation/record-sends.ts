import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** What one Graph call achieved for an outbox row the sender holds. */
export interface SendOutcome {
  outboxId: string;
  messageId: string;
  kind: 'message' | 'read';
  /** False only for a read receipt Meta refused (never retried: it is cosmetic). */
  ok: boolean;
  wamid: string | null;
}

/**
 * Records many sends in one statement: the outbox rows leave `sending`, and each message gets
 * Meta's id and `accepted` unless a status webhook already took it further. A row a status
 * webhook has already confirmed (it echoes our outbox id) is left as that webhook wrote it, with
 * its message: the webhook set its wamid and status.
 */
export async function recordSends(db: Db, outcomes: SendOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  // Sorted, and outbox before messages as status webhooks do (store-inbound.ts), so that the two
  // lock rows in the same order and cannot deadlock.
  const sorted = [...outcomes].sort((a, b) => (a.outboxId < b.outboxId ? -1 : 1));
  const values = sql.join(sorted.map((o) => sql`(${o.outboxId}::text, ${o.messageId}::text, ${o.kind}::text, ${o.ok}::boolean, ${o.wamid}::text)`));
  await sql`
    with v(id, message_id, kind, ok, wamid) as (values ${values}),
    settled as (
      update outbox o set status = case when v.ok then 'sent' else 'failed' end,
        wamid = coalesce(v.wamid, o.wamid), locked_until = null, last_error = null
      from v where o.id = v.id and o.status = 'sending'
      returning o.message_id, o.kind, v.wamid
    )
    update messages m set wamid = coalesce(m.wamid, settled.wamid),
      status = case when m.status = 'pending' then 'accepted' else m.status end
    from settled where settled.kind = 'message' and m.id = settled.message_id
  `.execute(db);
}

import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { prepared } from '../db/prepared-statements.ts';
import { eventInsert } from '../event-webhooks/emit-event.ts';

/** An outbox row the sender holds and is done with: sent (with Meta's id), or a read receipt. */
export interface SendOutcome {
  outboxId: string;
  /** Null for read receipts, accepted or not (a missed one is cosmetic, never retried). */
  wamid: string | null;
}

/**
 * Records many sends in one statement: the outbox rows are deleted, and each message gets
 * Meta's id and `accepted` unless a status webhook already took it further. Once queued, outbox
 * rows are written by the sender alone; status webhooks write messages only.
 */
export async function recordSends(db: Db, outcomes: SendOutcome[], now: Date): Promise<void> {
  if (outcomes.length === 0) return;
  const rows = JSON.stringify(outcomes.map((o) => ({ id: o.outboxId, wamid: o.wamid })));
  const at = now.toISOString();
  await sql`${sql.raw(prepared)}
    with v as (select * from jsonb_to_recordset(${rows}::jsonb) as r(id text, wamid text)),
    settled as (
      -- Done rows leave the queue: the message keeps the history. A table holding only what is
      -- still to send stays small, and so do its scans and its vacuum.
      delete from outbox o using v where o.id = v.id and o.status = 'sending'
      returning o.message_id, o.kind, v.wamid
    ),
    locked as (
      -- In message id order, as status webhooks update messages (store-inbound.ts): no deadlock.
      -- Ids as an array, for index scans: a join may be planned as a scan of all messages.
      select m.id from messages m
      where m.id = any(array(select message_id from settled where kind = 'message'))
      order by m.id for update
    ),
    sent as (
      update messages m set wamid = coalesce(m.wamid, s.wamid),
        status = case when m.status = 'pending' then 'accepted' else m.status end
      from settled s where m.id = s.message_id and m.id = any(array(select id from locked))
      returning m.id, m.contact_id, m.wamid, m.type, m.text, m.author_kind
    ),
    sent_events as (${eventInsert(
      'message.sent',
      sql`select contact_id, id as ord, jsonb_build_object('contactId', contact_id, 'messageId', id, 'wamid', wamid,
        'type', type, 'text', text, 'author', author_kind) as data from sent`,
      at,
    )})
    select 1
  `.execute(db);
}

import { sql } from 'kysely';
import type { Executor } from '../database.ts';

/**
 * Old messages a campaign's results are read from (campaign-recipients.ts `outcomeSql`): the
 * template message a recipient was sent, and the recipient's first message after it (which
 * makes the outcome `replied`). These are kept as content-less stubs so campaign figures do not
 * change when their conversations expire.
 */
const campaignEvidence = sql<boolean>`(
  exists (select 1 from campaign_recipients r where r.message_id = m.id)
  or (m.direction = 'in' and exists (
    select 1 from campaign_recipients r join messages cm on cm.id = r.message_id
    where r.contact_id = m.contact_id and cm.created_at < m.created_at
      and not exists (
        select 1 from messages e where e.contact_id = m.contact_id and e.direction = 'in'
          and e.created_at > cm.created_at and e.created_at < m.created_at
      )
  ))
)`;

/** Messages whose work is over: no send waiting in the outbox, no inbound one still to process. */
const settled = sql<boolean>`(
  not (m.direction = 'in' and m.processed_at is null)
  and not exists (select 1 from outbox o where o.message_id = m.id and o.status in ('pending', 'sending'))
)`;

export interface RetentionBatch {
  messages: number;
  media: number;
  outbox: number;
}

/**
 * Deletes up to `limit` settled messages older than `cutoff`, oldest first; their media files and
 * sent outbox rows go with them (foreign keys cascade). One short transaction per batch.
 */
export async function deleteOldMessages(db: Executor, cutoff: Date, limit: number): Promise<RetentionBatch> {
  const ids = (
    await sql<{ id: string }>`
    select m.id from messages m
    where m.created_at < ${cutoff} and ${settled} and not ${campaignEvidence}
    order by m.created_at limit ${limit}
  `.execute(db)
  ).rows.map((r) => r.id);
  if (ids.length === 0) return { messages: 0, media: 0, outbox: 0 };
  const [media, outbox] = await Promise.all([
    db
      .selectFrom('media_files')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('message_id', 'in', ids)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('message_id', 'in', ids)
      .executeTakeFirstOrThrow(),
  ]);
  const deleted = await db.deleteFrom('messages').where('id', 'in', ids).executeTakeFirst();
  return { messages: Number(deleted.numDeletedRows), media: Number(media.n), outbox: Number(outbox.n) };
}

/**
 * Empties up to `limit` of the old messages kept for campaign figures (see `campaignEvidence`):
 * text and payload cleared, media and sent outbox rows deleted; status, direction and times stay.
 */
export async function anonymiseOldMessages(db: Executor, cutoff: Date, limit: number): Promise<RetentionBatch> {
  const ids = (
    await sql<{ id: string }>`
    update messages set text = null, payload = '{}'::jsonb
    where id in (
      select m.id from messages m
      where m.created_at < ${cutoff} and ${settled} and ${campaignEvidence}
        and (m.text is not null or m.payload <> '{}'::jsonb)
      order by m.created_at limit ${limit}
    )
    returning id
  `.execute(db)
  ).rows.map((r) => r.id);
  if (ids.length === 0) return { messages: 0, media: 0, outbox: 0 };
  const media = await db.deleteFrom('media_files').where('message_id', 'in', ids).executeTakeFirst();
  const outbox = await db.deleteFrom('outbox').where('message_id', 'in', ids).executeTakeFirst();
  return { messages: ids.length, media: Number(media.numDeletedRows), outbox: Number(outbox.numDeletedRows) };
}

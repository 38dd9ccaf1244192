import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { prepared } from '../db/prepared-statements.ts';
import { buildBatchRows, type DecidedContact } from './batch-rows.ts';
import { markedVariables } from './capture-fields.ts';
import { contactLockOrder, overtakenContacts } from './leases.ts';
import { eventInsert } from '../event-webhooks/emit-event.ts';

/**
 * Writes a batch's sessions, replies, outbox rows, analytics, processed marks and the contact
 * fields copied from marked variables (capture-fields.ts) in ONE
 * statement (atomic on its own: one round trip between the engine and the sender), for
 * batches without timers, handoffs or orders (see `needsTransaction`). Each contact's rows are
 * written only if this owner still held its lease and none of its messages was processed
 * meanwhile: the lease is given up in the same statement, and a contact taken over by another
 * worker (a run slower than the lease) gets nothing written, so its messages stay pending for
 * the new holder. Contact rows are locked in
 * `contactLockOrder` (leases.ts).
 */
export async function commitInOneStatement(
  db: Db,
  owner: string,
  decided: DecidedContact[],
  now: Date,
): Promise<{ settled: Set<string>; outboxRows: number }> {
  const rows = buildBatchRows(decided, now);
  // Outbox rows keep their order: identity `seq` values follow it, and the sender sends by seq.
  const outbox = rows.outbox.map((o, ord) => ({ ...o, ord }));
  const json = (v: unknown) => JSON.stringify(v);
  const at = now.toISOString();
  const result = await sql<{ id: string; outbox_rows: number }>`${sql.raw(prepared)}
    with settled as (
      update contacts c set lease_owner = null, lease_until = null, fields = c.fields || coalesce(m.captured, '{}'::jsonb),
        handled_up_to = greatest(c.handled_up_to, h.handled_up_to)
      from (
        select id from contacts where id = any(${decided.map((d) => d.contact.id)}::text[]) and lease_owner = ${owner}
          -- A run of messages already processed (a claim that read them just before another
          -- processor committed them: leases.ts) would answer them twice: it writes nothing.
          and not exists (select 1 from messages pm where pm.id = any(${rows.processedMessageIds}::text[])
            and pm.contact_id = contacts.id and pm.processed_at is not null)
          -- Nor does a run that answered a message while an earlier one (by WhatsApp's clock)
          -- was still being stored (leases.ts, overtakenContacts): the rerun takes both in order.
          and id not in (${overtakenContacts(rows.handled, rows.processedMessageIds)})
        order by ${contactLockOrder}
        for update
      ) mine
      left join (${markedVariables(rows.captures)}) m on m.contact_id = mine.id
      left join jsonb_to_recordset(${json(rows.handled)}::jsonb) as h(contact_id text, handled_up_to timestamptz)
        on h.contact_id = mine.id
      where c.id = mine.id
      returning c.id
    ),
    session_updates as (
      update conversation_sessions s set state = r.state, status = r.status, flow_version_id = r.flow_version_id, updated_at = ${at}::timestamptz
      from jsonb_to_recordset(${json(rows.sessionUpdates)}::jsonb) as r(id text, contact_id text, state jsonb, status text, flow_version_id text)
      where s.id = r.id and r.contact_id in (select id from settled)
    ),
    session_inserts as (
      insert into conversation_sessions (id, contact_id, flow_id, flow_version_id, status, state, created_at, updated_at)
      select r.id, r.contact_id, r.flow_id, r.flow_version_id, r.status, r.state, ${at}::timestamptz, ${at}::timestamptz
      from jsonb_to_recordset(${json(rows.sessionInserts)}::jsonb) as r(id text, contact_id text, flow_id text, flow_version_id text, status text, state jsonb)
      where r.contact_id in (select id from settled)
      returning contact_id, id, flow_id, flow_version_id
    ),
    started_events as (${eventInsert(
      'conversation.started',
      sql`select contact_id, id as ord, jsonb_build_object('contactId', contact_id, 'sessionId', id, 'flowId', flow_id,
        'flowVersionId', flow_version_id) as data from session_inserts`,
      at,
    )}),
    -- The outbound rows of outbound-rows.ts (as insertOutboundRows writes them), in this statement.
    replies as (
      insert into messages (id, channel_id, contact_id, direction, type, text, status, session_id, author_kind, author_id, created_at, processed_at, payload, error)
      select r.id, r.channel_id, r.contact_id, 'out', r.type, r.text, r.status, r.session_id, r.author_kind, r.author_id, ${at}::timestamptz, ${at}::timestamptz, r.payload, r.error
      from jsonb_to_recordset(${json(rows.messages)}::jsonb)
        as r(id text, channel_id text, contact_id text, type text, text text, status text, session_id text, author_kind text, author_id text, payload jsonb, error jsonb)
      where r.contact_id in (select id from settled)
    ),
    queued as (
      insert into outbox (id, message_id, channel_id, contact_id, kind, status, next_attempt_at)
      select r.id, r.message_id, r.channel_id, r.contact_id, r.kind, 'pending', ${at}::timestamptz
      from jsonb_to_recordset(${json(outbox)}::jsonb) as r(id text, message_id text, channel_id text, contact_id text, kind text, ord int)
      where r.contact_id in (select id from settled)
      order by r.ord
      -- Replies have new message ids; only a read receipt could meet one already queued for its
      -- message, and that is the same receipt (never a reason to fail the whole wave).
      on conflict (message_id) do nothing
      returning 1
    ),
    events as (
      insert into analytics_events (flow_id, flow_version_id, node_id, contact_id, session_id, kind, output, created_at)
      select r.flow_id, r.flow_version_id, r.node_id, r.contact_id, r.session_id, r.kind, r.output, ${at}::timestamptz
      from jsonb_to_recordset(${json(rows.analytics)}::jsonb)
        as r(flow_id text, flow_version_id text, node_id text, contact_id text, session_id text, kind text, output text)
      where r.contact_id in (select id from settled)
    ),
    processed as (
      update messages m set processed_at = ${at}::timestamptz
      where m.id = any(${rows.processedMessageIds}::text[]) and m.contact_id in (select id from settled)
    )
    select s.id, (select count(*)::int from queued) as outbox_rows from settled s
  `.execute(db);
  return { settled: new Set(result.rows.map((r) => r.id)), outboxRows: result.rows[0]?.outbox_rows ?? 0 };
}

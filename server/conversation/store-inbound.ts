import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import { preparedGeneric } from '../db/prepared-statements.ts';
import type { InboundDelivery } from '../whatsapp/inbound-delivery.ts';
import type { ParsedInboundMessage } from '../whatsapp/parse-message.ts';
import type { ParsedStatus } from '../whatsapp/parse-status.ts';
import { eventInsert } from '../event-webhooks/emit-event.ts';
import { inboundContactKey, userIdContactKeySql, waIdContactKeySql } from './contact-key.ts';

/** Statuses only move forward (Meta may deliver `read` before `delivered`); `failed` wins over `sent`. */
const statusRank: Record<string, number> = { accepted: 0, sent: 1, delivered: 2, read: 3, played: 4, failed: 5 };
const rankSql = (column: string) =>
  sql.raw(
    `case ${column} ${Object.entries(statusRank)
      .map(([s, r]) => `when '${s}' then ${r}`)
      .join(' ')} else -1 end`,
  );

interface ContactKey {
  channelId: string;
  waId: string | null;
  userId: string | null;
  name: string;
  lastInboundAt: Date;
}

/**
 * Stores a batch of deliveries in one SQL statement (atomic on its own, and one round trip
 * before the webhooks are answered): contacts upserted, messages inserted once (Meta's
 * redeliveries hit the unique wamid and are dropped), statuses applied. Returns the contacts
 * that got new messages, for the processor to wake up.
 *
 * Rows are passed as JSON documents (`jsonb_to_recordset`), one parameter each, rather than
 * thousands of bound values: a batch can carry hundreds of webhooks.
 */
export async function storeInbound(db: Executor, deliveries: InboundDelivery[], now: Date): Promise<string[]> {
  return (await storeInboundChanges(db, deliveries, now)).contacts;
}

export interface StoredChanges {
  /** Contacts that got new messages (for the processor to wake up). */
  contacts: string[];
  /** Contacts whose outgoing messages moved on (sent, delivered, read, failed), for the studio. */
  statusContacts: string[];
}

/** `storeInbound`, also saying whose outgoing messages the batch's statuses moved on. */
export async function storeInboundChanges(
  db: Executor,
  deliveries: InboundDelivery[],
  now: Date,
): Promise<StoredChanges> {
  const contacts = new Map<string, ContactKey>();
  const messages: { key: string; message: ParsedInboundMessage; channelId: string }[] = [];
  const seenWamids = new Set<string>();
  for (const d of deliveries) {
    for (const m of d.messages) {
      if ((!m.from && !m.userId) || seenWamids.has(m.wamid)) continue;
      seenWamids.add(m.wamid);
      const profile = d.contacts.find((c) => (m.from && c.waId === m.from) || (m.userId && c.userId === m.userId));
      const contact: ContactKey = {
        channelId: d.channelId,
        waId: m.from,
        userId: m.userId ?? profile?.userId ?? null,
        name: profile?.name ?? m.profileName ?? '',
        lastInboundAt: m.timestamp,
      };
      const key = inboundContactKey(contact.channelId, contact.waId, contact.userId);
      const known = contacts.get(key);
      if (!known || known.lastInboundAt < contact.lastInboundAt)
        contacts.set(key, { ...contact, name: contact.name || known?.name || '' });
      messages.push({ key, message: m, channelId: d.channelId });
    }
  }
  const statuses = furthestStatuses(deliveries.flatMap((d) => d.statuses));
  if (messages.length === 0 && statuses.length === 0) return { contacts: [], statusContacts: [] };

  // Rows are written in key order so that two instances storing overlapping batches lock
  // them in the same order and cannot deadlock.
  const contactRows = [...contacts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, c]) => ({
      id: randomUUID(),
      key,
      channel_id: c.channelId,
      wa_id: c.waId,
      user_id: c.userId,
      name: c.name,
      last_inbound_at: c.lastInboundAt.toISOString(),
    }));
  const messageRows = messages
    .sort((a, b) => (a.message.wamid < b.message.wamid ? -1 : 1))
    .map(({ key, message: m, channelId }) => ({
      id: randomUUID(),
      key,
      channel_id: channelId,
      wamid: m.wamid,
      type: m.type,
      text: m.text,
      wa_timestamp: m.timestamp.toISOString(),
      payload: { content: m.content, context: m.context ?? null, referral: m.referral ?? null, raw: m.raw },
    }));
  // A status carrying our outbox id proves a send went through, even if we crashed before
  // recording Meta's answer: its message gets the wamid, and the sender will not send it again.
  const statusRows = statuses.map((s) => ({
    wamid: s.wamid,
    status: s.status,
    error: s.errors.length ? s.errors : null,
    rank: statusRank[s.status] ?? -1,
    outbox_id: s.bizOpaqueCallbackData?.startsWith('outbox:') ? s.bizOpaqueCallbackData.slice('outbox:'.length) : null,
  }));

  const at = now.toISOString();
  const result = await sql<{ contact_id: string; is_new: boolean }>`${sql.raw(preparedGeneric)}
    with incoming as (
      select * from jsonb_to_recordset(${JSON.stringify(contactRows)}::jsonb)
        as r(id text, key text, channel_id text, wa_id text, user_id text, name text, last_inbound_at timestamptz)
    ),
    by_wa_id as (
      insert into contacts as c (id, channel_id, wa_id, user_id, name, last_inbound_at, variables, updated_at)
      select id, channel_id, wa_id, user_id, name, last_inbound_at, '{}'::jsonb, ${at}::timestamptz
      from incoming where wa_id is not null order by key
      on conflict (channel_id, wa_id) where wa_id is not null do update set ${upsertSet(at)}
      returning c.id, ${waIdContactKeySql('c')} as key
    ),
    by_user_id as (
      insert into contacts as c (id, channel_id, wa_id, user_id, name, last_inbound_at, variables, updated_at)
      select id, channel_id, wa_id, user_id, name, last_inbound_at, '{}'::jsonb, ${at}::timestamptz
      from incoming where wa_id is null order by key
      on conflict (channel_id, user_id) where user_id is not null do update set ${upsertSet(at)}
      -- By user id even when the contact found has a wa_id too: these messages were keyed so.
      returning c.id, ${userIdContactKeySql('c')} as key
    ),
    keyed as (select * from by_wa_id union all select * from by_user_id),
    inserted as (
      insert into messages (id, channel_id, contact_id, direction, wamid, type, text, status, wa_timestamp, payload)
      select r.id, r.channel_id, k.id, 'in', r.wamid, r.type, r.text, 'received', r.wa_timestamp, r.payload
      from jsonb_to_recordset(${JSON.stringify(messageRows)}::jsonb)
        as r(id text, key text, channel_id text, wamid text, type text, text text, wa_timestamp timestamptz, payload jsonb)
      join keyed k on k.key = r.key
      order by r.wamid
      on conflict (wamid) do nothing
      returning id, contact_id, channel_id, wamid, type, text, wa_timestamp
    ),
    received_events as (${eventInsert(
      'message.received',
      sql`select i.contact_id, i.wa_timestamp as ord, jsonb_build_object('contactId', i.contact_id, 'channelId', i.channel_id,
        'messageId', i.id, 'wamid', i.wamid, 'type', i.type, 'text', i.text, 'timestamp', i.wa_timestamp) as data from inserted i`,
      at,
    )}),
    st as (
      select * from jsonb_to_recordset(${JSON.stringify(statusRows)}::jsonb)
        as r(wamid text, status text, error jsonb, rank int, outbox_id text)
    ),
    targets as (
      -- A status echoing our outbox id names its message even before the sender recorded
      -- Meta's answer (or if it never will: it crashed mid-send). The outbox row itself is left
      -- to the sender, which treats a sending row whose message has its wamid as sent.
      select st.*, coalesce(
        (select o.message_id from outbox o where o.id = st.outbox_id),
        (select m.id from messages m where m.wamid = st.wamid)) as message_id
      from st
    ),
    locked as (
      -- In message id order, as the sender records sends (record-sends.ts): no deadlock. Ids are
      -- looked up as an array (index scans); a join here may be planned as a scan of all messages.
      select m.id, m.status as old_status from messages m
      where m.id = any(array(select message_id from targets where message_id is not null)) and m.direction = 'out'
      order by m.id for update
    ),
    applied as (
      -- Statuses only move forward (Meta may deliver \`read\` before \`delivered\`).
      update messages m set wamid = coalesce(m.wamid, t.wamid),
        status = case when t.rank > ${rankSql('m.status')} then t.status else m.status end,
        error = case when t.rank > ${rankSql('m.status')} then coalesce(t.error, m.error) else m.error end
      from targets t where m.id = t.message_id and m.id = any(array(select id from locked))
      returning m.id, m.contact_id, m.wamid, m.status, m.error
    ),
    status_events as (${eventInsert(
      'message.status',
      sql`select a.contact_id, a.id as ord, jsonb_build_object('contactId', a.contact_id, 'messageId', a.id,
        'wamid', a.wamid, 'status', a.status, 'error', a.error) as data
        from applied a join locked l on l.id = a.id where l.old_status is distinct from a.status`,
      at,
    )})
    select distinct contact_id, true as is_new from inserted
    union
    select distinct contact_id, false as is_new from applied
  `.execute(db);
  return {
    contacts: result.rows.filter((r) => r.is_new).map((r) => r.contact_id),
    statusContacts: result.rows.filter((r) => !r.is_new).map((r) => r.contact_id),
  };
}

/** On a known contact: an empty profile name (privacy settings) must not erase the one we had. */
function upsertSet(at: string) {
  return sql`name = case when excluded.name <> '' then excluded.name else c.name end,
    user_id = coalesce(c.user_id, excluded.user_id),
    last_inbound_at = greatest(c.last_inbound_at, excluded.last_inbound_at),
    updated_at = ${at}::timestamptz`;
}

/** One row per wamid: the furthest status of this batch. */
function furthestStatuses(statuses: ParsedStatus[]): ParsedStatus[] {
  const best = new Map<string, ParsedStatus>();
  for (const s of statuses) {
    const prev = best.get(s.wamid);
    if (!prev || (statusRank[s.status] ?? -1) > (statusRank[prev.status] ?? -1)) best.set(s.wamid, s);
  }
  return [...best.values()];
}

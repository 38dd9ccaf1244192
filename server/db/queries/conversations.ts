import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { normalizePhone } from '../../../shared/phone.ts';
import type { ConversationStatus } from '../../../shared/api/conversations.ts';
import type { Executor } from '../database.ts';

/** Unread messages are counted up to this; the page shows "99+" past it. */
export const unreadCap = 99;

export interface ConversationRow {
  id: string;
  name: string;
  wa_id: string | null;
  channel_id: string;
  channel_name: string;
  last_inbound_at: Date | string | null;
  status: ConversationStatus;
  handoff_id: string | null;
  handoff_status: 'open' | 'claimed' | null;
  assigned_user_id: string | null;
  last_direction: 'in' | 'out';
  last_type: string;
  last_text: string | null;
  last_at: Date | string;
  /** Microseconds since the epoch of `last_at`, exact (the page cursor compares it). */
  last_us: string;
  unread: number;
}

export interface ConversationFilter {
  readerId: string;
  status?: ConversationStatus;
  channelId?: string;
  q?: string;
  /** Only conversations last active before this (`last_us`, `id`), newest first. */
  before?: { us: string; id: string };
  /** One contact (the detail page). */
  id?: string;
  limit: number;
}

/**
 * Conversations (contacts with at least one message), most recently active first, each with its
 * last message, where it stands (bot, inbox queue, with an agent, ended) and what the reader has
 * not read yet.
 */
export async function findConversations(db: Executor, f: ConversationFilter): Promise<ConversationRow[]> {
  const phone = f.q ? normalizePhone(f.q) : null;
  const digits = f.q?.replace(/\D/g, '') ?? '';
  const result = await sql<ConversationRow>`
    select * from (
      select c.id, c.name, c.wa_id, c.channel_id, ch.name as channel_name, c.last_inbound_at,
        case when h.status = 'claimed' then 'with_agent' when h.status = 'open' then 'waiting'
          when s.status is not null then 'bot'
          -- A message the flow has not handled yet (messages_pending_idx): the bot is about to answer.
          when exists (select 1 from messages p where p.contact_id = c.id and p.direction = 'in' and p.processed_at is null)
            then 'bot'
          else 'ended' end as status,
        h.id as handoff_id, h.status as handoff_status, h.assigned_user_id,
        lm.direction as last_direction, lm.type as last_type, lm.text as last_text, lm.created_at as last_at,
        (floor(extract(epoch from lm.created_at) * 1000000))::bigint::text as last_us,
        (select count(*)::int from (
          select 1 from messages u where u.contact_id = c.id and u.direction = 'in'
            and (r.read_at is null or u.created_at > r.read_at) limit ${unreadCap}
        ) x) as unread
      from contacts c
      join channels ch on ch.id = c.channel_id
      join lateral (
        select m.direction, m.type, m.text, m.created_at from messages m where m.contact_id = c.id
        order by m.created_at desc, m.direction asc limit 1
      ) lm on true
      left join conversation_sessions s on s.contact_id = c.id and s.status <> 'ended'
      left join handoffs h on h.contact_id = c.id and h.status <> 'resolved'
      left join conversation_reads r on r.contact_id = c.id and r.reader_id = ${f.readerId}
      where true
        ${f.id ? sql`and c.id = ${f.id}` : sql``}
        ${f.channelId ? sql`and c.channel_id = ${f.channelId}` : sql``}
        ${f.q ? sql`and (c.name ilike ${`%${f.q}%`} or c.wa_id like ${`%${digits || f.q}%`}${phone ? sql` or c.wa_id = ${phone}` : sql``})` : sql``}
    ) conv
    where true
      ${f.status ? sql`and conv.status = ${f.status}` : sql``}
      ${f.before ? sql`and (conv.last_us::bigint, conv.id) < (${f.before.us}::bigint, ${f.before.id})` : sql``}
    order by conv.last_us::bigint desc, conv.id desc
    limit ${f.limit}
  `.execute(db);
  return result.rows;
}

/** The contact's last `limit` messages, newest first, each with its stored media file (if any). */
export async function conversationMessages(db: Executor, contactId: string, limit: number) {
  return db
    .selectFrom('messages')
    .leftJoin('media_files as f', 'f.message_id', 'messages.id')
    .select([
      'messages.id',
      'messages.direction',
      'messages.author_kind',
      'messages.type',
      'messages.text',
      'messages.payload',
      'messages.status',
      'messages.error',
      'messages.created_at',
      'f.id as media_id',
      'f.status as media_status',
      'f.mime_type as media_mime_type',
      'f.file_name as media_file_name',
    ])
    .where('messages.contact_id', '=', contactId)
    .orderBy('messages.created_at', 'desc')
    .orderBy('messages.direction', 'desc')
    .limit(limit)
    .execute();
}

/**
 * The contact's live session, else its latest one, with the flow's name, the version's number
 * and the node the session stands at (looked up in the version's graph).
 */
export async function latestSession(db: Executor, contactId: string) {
  const result = await sql<{
    id: string;
    flow_id: string;
    flow_name: string | null;
    version: number | null;
    status: 'active' | 'handoff' | 'ended';
    state: Record<string, unknown>;
    node: { id?: string; type?: string; data?: Record<string, unknown> } | null;
  }>`
    select s.id, s.flow_id, f.name as flow_name, v.version, s.status, s.state,
      (select n from jsonb_array_elements(v.graph->'nodes') n where n->>'id' = s.state->>'nodeId' limit 1) as node
    from conversation_sessions s
    left join flows f on f.id = s.flow_id
    left join flow_versions v on v.id = s.flow_version_id
    where s.contact_id = ${contactId}
    order by (s.status <> 'ended') desc, s.updated_at desc
    limit 1
  `.execute(db);
  return result.rows[0];
}

/** Marks everything in the conversation as read by `readerId` up to `at`. */
export async function markConversationRead(db: Executor, contactId: string, readerId: string, at: Date): Promise<void> {
  await db
    .insertInto('conversation_reads')
    .values({ contact_id: contactId, reader_id: readerId, read_at: at })
    .onConflict((oc) => oc.columns(['contact_id', 'reader_id']).doUpdateSet({ read_at: at }))
    .execute();
}

/** The contact's live session, locked, for a takeover. */
export async function liveSessionForUpdate(db: Executor, contactId: string) {
  return db
    .selectFrom('conversation_sessions')
    .select(['id', 'state'])
    .where('contact_id', '=', contactId)
    .where('status', '<>', 'ended')
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Pauses the flow for a person: the session waits as at a handoff block (the bot stays silent),
 * and resolving the handoff resumes it where it stood.
 */
export async function pauseSessionForHandoff(db: Executor, sessionId: string, now: Date): Promise<void> {
  await sql`update conversation_sessions set status = 'handoff', state = jsonb_set(state, '{status}', '"handoff"'), updated_at = ${now.toISOString()}::timestamptz
    where id = ${sessionId}`.execute(db);
}

/** The contact's unresolved handoff, if any. */
export async function unresolvedHandoff(db: Executor, contactId: string) {
  return db
    .selectFrom('handoffs')
    .select(['id', 'status', 'assigned_user_id'])
    .where('contact_id', '=', contactId)
    .where('status', '<>', 'resolved')
    .executeTakeFirst();
}

/**
 * A session paused for a person, for a contact with none live: without it, the contact's next
 * message would start the channel's flow and the bot would talk over the agent. It stands at no
 * block, so resolving the handoff ends it quietly and the message after starts the flow afresh.
 * Undefined when the channel has no published flow (then nothing would answer anyway).
 */
export async function insertPausedSession(db: Executor, contactId: string, now: Date): Promise<string | undefined> {
  const version = await db
    .selectFrom('contacts')
    .innerJoin('channels', 'channels.id', 'contacts.channel_id')
    .innerJoin('flows', 'flows.id', 'channels.flow_id')
    .innerJoin('flow_versions', (j) =>
      j.onRef('flow_versions.flow_id', '=', 'flows.id').onRef('flow_versions.version', '=', 'flows.published_version'),
    )
    .select(['flows.id as flow_id', 'flow_versions.id as version_id'])
    .where('contacts.id', '=', contactId)
    .executeTakeFirst();
  if (!version) return undefined;
  const id = randomUUID();
  const state = {
    v: 1,
    flowVersionId: version.version_id,
    status: 'handoff',
    nodeId: null,
    awaiting: null,
    variables: {},
    lastAnswer: '',
    history: [],
    error: null,
  };
  await db
    .insertInto('conversation_sessions')
    .values({
      id,
      contact_id: contactId,
      flow_id: version.flow_id,
      flow_version_id: version.version_id,
      status: 'handoff',
      state: JSON.stringify(state),
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

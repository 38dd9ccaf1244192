import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { ContactFieldValues } from '../../../shared/api/contacts.ts';
import { normalizePhone } from '../../../shared/phone.ts';
import type { Executor } from '../database.ts';
import type { Row } from '../tables.ts';

export type ContactRow = Row<'contacts'>;

export async function findContact(db: Executor, id: string): Promise<ContactRow | undefined> {
  return db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The directory's filters (`shared/api/contacts.ts` `contactsQuery`), without paging. */
export interface ContactFilter {
  /** One contact (the page's detail reads it as the directory shows it). */
  id?: string;
  q?: string;
  tag?: string;
  optedOut?: boolean;
  flowId?: string;
  channelId?: string;
}

function directory(db: Executor, f: ContactFilter) {
  let query = db
    .selectFrom('contacts')
    .leftJoin('conversation_sessions as s', (j) =>
      j.onRef('s.contact_id', '=', 'contacts.id').on('s.status', '<>', 'ended'),
    )
    .leftJoin('flow_versions as v', 'v.id', 's.flow_version_id')
    .leftJoin('flows as f', 'f.id', 's.flow_id');
  if (f.id) query = query.where('contacts.id', '=', f.id);
  if (f.q) {
    // A whole number typed as people type it ("(84) 9123-3333", without the 9th digit) finds
    // its contact however it differs from the stored digits; a fragment matches as a substring.
    const q = f.q;
    const phone = normalizePhone(q);
    query = query.where((eb) =>
      eb.or([
        eb('contacts.name', 'ilike', `%${q}%`),
        eb('contacts.wa_id', 'like', `%${q.replace(/\D/g, '') || q}%`),
        ...(phone ? [eb('contacts.wa_id', '=', phone)] : []),
      ]),
    );
  }
  if (f.tag) query = query.where(sql<boolean>`contacts.tags @> array[${f.tag}]::text[]`);
  if (f.optedOut !== undefined) query = query.where('contacts.opted_out_at', f.optedOut ? 'is not' : 'is', null);
  if (f.flowId) query = query.where('s.flow_id', '=', f.flowId);
  if (f.channelId) query = query.where('contacts.channel_id', '=', f.channelId);
  return query;
}

/** The contact directory, most recently active first, each with its live session (if any), flow and version. */
export async function searchContacts(db: Executor, f: ContactFilter & { offset?: number; limit: number }) {
  return (
    directory(db, f)
      .select([
        'contacts.id',
        'contacts.channel_id',
        'contacts.name',
        'contacts.wa_id',
        'contacts.user_id',
        'contacts.last_inbound_at',
        'contacts.tags',
        'contacts.fields',
        'contacts.opted_out_at',
        's.flow_id',
        's.status as session_status',
        's.state',
        'v.version',
        'f.name as flow_name',
      ])
      // Through messages_contact_time_idx: one index probe per listed contact.
      .select(
        sql<Date | null>`(select max(m.created_at) from messages m where m.contact_id = contacts.id)`.as(
          'last_message_at',
        ),
      )
      .orderBy('contacts.last_inbound_at', (ob) => ob.desc().nullsLast())
      .orderBy('contacts.id')
      .offset(f.offset ?? 0)
      .limit(f.limit)
      .execute()
  );
}
export type DirectoryRow = Awaited<ReturnType<typeof searchContacts>>[number];

export async function countContacts(db: Executor, f: ContactFilter): Promise<number> {
  const row = await directory(db, f)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Every tag in use, with how many contacts carry it, most used first. */
export async function contactTags(db: Executor) {
  const rows = await sql<{ tag: string; contacts: string }>`
    select t as tag, count(*) as contacts from contacts, unnest(contacts.tags) as t group by t order by count(*) desc, t limit 500
  `.execute(db);
  return rows.rows.map((r) => ({ tag: r.tag, contacts: Number(r.contacts) }));
}

export interface ContactChange {
  name?: string;
  tags?: string[];
  fields?: ContactFieldValues;
  optedOutAt?: Date | null;
}

/** Changes only what is given; undefined when there is no such contact. */
export async function updateContact(
  db: Executor,
  id: string,
  change: ContactChange,
  now: Date,
): Promise<ContactRow | undefined> {
  return db
    .updateTable('contacts')
    .set({
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.tags !== undefined ? { tags: change.tags } : {}),
      ...(change.fields !== undefined ? { fields: JSON.stringify(change.fields) } : {}),
      ...(change.optedOutAt !== undefined ? { opted_out_at: change.optedOutAt } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/**
 * The contact's last `limit` messages, newest first (the contact page and the handoff inbox
 * list them reversed, oldest first).
 */
export async function latestMessages(db: Executor, contactId: string, limit: number) {
  return (
    db
      .selectFrom('messages')
      .select(['id', 'direction', 'author_kind', 'type', 'text', 'status', 'error', 'created_at'])
      .where('contact_id', '=', contactId)
      // A reply can share its message's millisecond: 'in' sorts before 'out' once reversed.
      .orderBy('created_at', 'desc')
      .orderBy('direction', 'desc')
      .limit(limit)
      .execute()
  );
}

/**
 * Ends the contact's live sessions, resolves its handoffs and drops its pending jobs, so the next
 * message starts the flow again. Returns how many sessions ended.
 */
export async function resetContact(db: Executor, contactId: string, now: Date): Promise<number> {
  const rows = await db
    .updateTable('conversation_sessions')
    .set({ status: 'ended', updated_at: now })
    .where('contact_id', '=', contactId)
    .where('status', '<>', 'ended')
    .returning('id')
    .execute();
  await db
    .updateTable('handoffs')
    .set({ status: 'resolved', resolved_at: now })
    .where('contact_id', '=', contactId)
    .where('status', '<>', 'resolved')
    .execute();
  await db.deleteFrom('scheduled_jobs').where('contact_id', '=', contactId).where('status', '=', 'pending').execute();
  return rows.length;
}

/** Everything kept about a contact besides its own row (the LGPD export). */
export async function contactRecords(db: Executor, contactId: string) {
  const [messages, sessions, orders, handoffs] = await Promise.all([
    db
      .selectFrom('messages')
      .select(['id', 'direction', 'type', 'text', 'status', 'created_at'])
      .where('contact_id', '=', contactId)
      .orderBy('created_at')
      .orderBy('direction')
      .execute(),
    db
      .selectFrom('conversation_sessions')
      .select(['id', 'flow_id', 'status', 'state', 'created_at'])
      .where('contact_id', '=', contactId)
      .execute(),
    db.selectFrom('orders').selectAll().where('contact_id', '=', contactId).execute(),
    db
      .selectFrom('handoffs')
      .select(['id', 'team', 'status', 'note', 'created_at'])
      .where('contact_id', '=', contactId)
      .execute(),
  ]);
  return { messages, sessions, orders, handoffs };
}

/** One CSV line ready to store: phone already E.164 digits; `optedOut` null leaves it as it is. */
export interface ImportedContact {
  line: number;
  waId: string;
  name: string;
  tags: string[];
  fields: ContactFieldValues;
  optedOut: boolean | null;
}

/**
 * Creates or updates the channel's contacts by number (one statement), so importing the same
 * file again updates and never duplicates: a blank name keeps the stored one, tags are added
 * to those the contact has, fields overwrite by name. Lines must not repeat a number.
 */
export async function upsertImportedContacts(db: Executor, channelId: string, rows: ImportedContact[], now: Date) {
  if (rows.length === 0) return new Map<string, { id: string; created: boolean }>();
  const incoming = JSON.stringify(
    rows.map((r) => ({
      id: randomUUID(),
      wa_id: r.waId,
      name: r.name,
      tags: r.tags,
      fields: r.fields,
      opted_out_at: r.optedOut ? now.toISOString() : null,
      opted_out: r.optedOut,
    })),
  );
  const at = now.toISOString();
  const result = await sql<{ id: string; wa_id: string; created: boolean }>`
    insert into contacts as c (id, channel_id, wa_id, name, variables, tags, fields, opted_out_at, updated_at)
    select r.id, ${channelId}, r.wa_id, r.name, '{}'::jsonb, r.tags, r.fields, r.opted_out_at, ${at}::timestamptz
    from jsonb_to_recordset(${incoming}::jsonb) as r(id text, wa_id text, name text, tags text[], fields jsonb, opted_out_at timestamptz, opted_out boolean)
    on conflict (channel_id, wa_id) where wa_id is not null do update set
      name = case when excluded.name = '' then c.name else excluded.name end,
      tags = array(select distinct t from unnest(c.tags || excluded.tags) as t order by t),
      fields = c.fields || excluded.fields,
      updated_at = excluded.updated_at
    returning c.id, c.wa_id, (xmax = 0) as created
  `.execute(db);
  // A "no" in the file clears an opt-out and a "yes" keeps the first date; a blank cell leaves it.
  await sql`
    update contacts c set opted_out_at = case when r.opted_out then coalesce(c.opted_out_at, ${at}::timestamptz) else null end
    from jsonb_to_recordset(${incoming}::jsonb) as r(wa_id text, opted_out boolean)
    where c.channel_id = ${channelId} and c.wa_id = r.wa_id and r.opted_out is not null
  `.execute(db);
  return new Map(result.rows.map((r) => [r.wa_id, { id: r.id, created: r.created }]));
}

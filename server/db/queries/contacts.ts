import { normalizePhone } from '../../../shared/phone.ts';
import type { Executor } from '../database.ts';
import type { Row } from '../tables.ts';

export type ContactRow = Row<'contacts'>;

export async function findContact(db: Executor, id: string): Promise<ContactRow | undefined> {
  return db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The contact directory, most recently active first, each with its live session (if any) and version. */
export async function searchContacts(db: Executor, { q, limit }: { q?: string; limit: number }) {
  let query = db.selectFrom('contacts')
    .leftJoin('conversation_sessions as s', (j) => j.onRef('s.contact_id', '=', 'contacts.id').on('s.status', '<>', 'ended'))
    .leftJoin('flow_versions as v', 'v.id', 's.flow_version_id')
    .select(['contacts.id', 'contacts.channel_id', 'contacts.name', 'contacts.wa_id', 'contacts.user_id', 'contacts.last_inbound_at',
      's.flow_id', 's.status as session_status', 's.state', 'v.version'])
    .orderBy('contacts.last_inbound_at', (ob) => ob.desc().nullsLast()).limit(limit);
  if (q) {
    // A whole number typed as people type it ("(84) 9123-3333", without the 9th digit) finds
    // its contact however it differs from the stored digits; a fragment matches as a substring.
    const phone = normalizePhone(q);
    query = query.where((eb) => eb.or([
      eb('contacts.name', 'ilike', `%${q}%`), eb('contacts.wa_id', 'like', `%${q.replace(/\D/g, '') || q}%`),
      ...(phone ? [eb('contacts.wa_id', '=', phone)] : []),
    ]));
  }
  return query.execute();
}

/**
 * The contact's last `limit` messages, newest first (the contact page and the handoff inbox
 * list them reversed, oldest first).
 */
export async function latestMessages(db: Executor, contactId: string, limit: number) {
  return db.selectFrom('messages').select(['id', 'direction', 'author_kind', 'type', 'text', 'status', 'error', 'created_at'])
    .where('contact_id', '=', contactId)
    // A reply can share its message's millisecond: 'in' sorts before 'out' once reversed.
    .orderBy('created_at', 'desc').orderBy('direction', 'desc').limit(limit).execute();
}

/**
 * Ends the contact's live sessions, resolves its handoffs and drops its pending jobs, so the next
 * message starts the flow again. Returns how many sessions ended.
 */
export async function resetContact(db: Executor, contactId: string, now: Date): Promise<number> {
  const rows = await db.updateTable('conversation_sessions').set({ status: 'ended', updated_at: now })
    .where('contact_id', '=', contactId).where('status', '<>', 'ended').returning('id').execute();
  await db.updateTable('handoffs').set({ status: 'resolved', resolved_at: now }).where('contact_id', '=', contactId).where('status', '<>', 'resolved').execute();
  await db.deleteFrom('scheduled_jobs').where('contact_id', '=', contactId).where('status', '=', 'pending').execute();
  return rows.length;
}

/** Everything kept about a contact besides its own row (the LGPD export). */
export async function contactRecords(db: Executor, contactId: string) {
  const [messages, sessions, orders, handoffs] = await Promise.all([
    db.selectFrom('messages').select(['id', 'direction', 'type', 'text', 'status', 'created_at']).where('contact_id', '=', contactId).orderBy('created_at').orderBy('direction').execute(),
    db.selectFrom('conversation_sessions').select(['id', 'flow_id', 'status', 'state', 'created_at']).where('contact_id', '=', contactId).execute(),
    db.selectFrom('orders').selectAll().where('contact_id', '=', contactId).execute(),
    db.selectFrom('handoffs').select(['id', 'team', 'status', 'note', 'created_at']).where('contact_id', '=', contactId).execute(),
  ]);
  return { messages, sessions, orders, handoffs };
}

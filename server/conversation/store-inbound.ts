import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../db/database.ts';
import type { ParsedContact, ParsedInboundMessage } from '../whatsapp/parse-message.ts';
import type { ParsedStatus } from '../whatsapp/parse-status.ts';

/** What one webhook change brings for a channel we know. */
export interface InboundDelivery {
  channelId: string;
  contacts: ParsedContact[];
  messages: ParsedInboundMessage[];
  statuses: ParsedStatus[];
}

/** Statuses only move forward (Meta may deliver `read` before `delivered`); `failed` wins over `sent`. */
const statusRank: Record<string, number> = { accepted: 0, sent: 1, delivered: 2, read: 3, played: 4, failed: 5 };
const rankSql = (column: string) => sql.raw(
  `case ${column} ${Object.entries(statusRank).map(([s, r]) => `when '${s}' then ${r}`).join(' ')} else -1 end`,
);

interface ContactKey { channelId: string; waId: string | null; userId: string | null; name: string; lastInboundAt: Date }

const keyOf = (c: { channelId: string; waId: string | null; userId: string | null }) =>
  c.waId ? `${c.channelId}|w|${c.waId}` : `${c.channelId}|u|${c.userId}`;

/**
 * Stores a batch of deliveries in one transaction: contacts upserted, messages inserted once
 * (Meta's redeliveries hit the unique wamid and are dropped), statuses applied. Returns the
 * contacts that got new messages, for the processor to wake up.
 */
export async function storeInbound(tx: Tx, deliveries: InboundDelivery[], now: Date): Promise<string[]> {
  const contacts = new Map<string, ContactKey>();
  const messages: { key: string; message: ParsedInboundMessage; channelId: string }[] = [];
  const seenWamids = new Set<string>();
  for (const d of deliveries) {
    for (const m of d.messages) {
      if ((!m.from && !m.userId) || seenWamids.has(m.wamid)) continue;
      seenWamids.add(m.wamid);
      const profile = d.contacts.find((c) => (m.from && c.waId === m.from) || (m.userId && c.userId === m.userId));
      const contact: ContactKey = {
        channelId: d.channelId, waId: m.from, userId: m.userId ?? profile?.userId ?? null,
        name: profile?.name ?? m.profileName ?? '', lastInboundAt: m.timestamp,
      };
      const key = keyOf(contact);
      const known = contacts.get(key);
      if (!known || known.lastInboundAt < contact.lastInboundAt) contacts.set(key, { ...contact, name: contact.name || known?.name || '' });
      messages.push({ key, message: m, channelId: d.channelId });
    }
  }

  // Rows are written in key order so that two instances storing overlapping batches lock
  // them in the same order and cannot deadlock.
  const contactIds = await upsertContacts(tx, [...contacts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, c]) => c), now);
  messages.sort((a, b) => (a.message.wamid < b.message.wamid ? -1 : 1));
  const rows = messages.flatMap(({ key, message: m, channelId }) => {
    const contactId = contactIds.get(key);
    if (!contactId) return [];
    return [{
      id: randomUUID(), channel_id: channelId, contact_id: contactId, direction: 'in' as const, wamid: m.wamid,
      type: m.type, text: m.text, status: 'received', wa_timestamp: m.timestamp,
      payload: JSON.stringify({ content: m.content, context: m.context ?? null, referral: m.referral ?? null, raw: m.raw }),
    }];
  });
  const inserted = rows.length
    ? await tx.insertInto('messages').values(rows).onConflict((oc) => oc.column('wamid').doNothing())
      .returning('contact_id').execute()
    : [];

  await applyStatuses(tx, deliveries.flatMap((d) => d.statuses));
  return [...new Set(inserted.map((r) => r.contact_id))];
}

async function upsertContacts(tx: Tx, contacts: ContactKey[], now: Date): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const byWaId = contacts.filter((c) => c.waId);
  const byUserId = contacts.filter((c) => !c.waId);
  const values = (list: ContactKey[]) => list.map((c) => ({
    id: randomUUID(), channel_id: c.channelId, wa_id: c.waId, user_id: c.userId, name: c.name,
    last_inbound_at: c.lastInboundAt, variables: '{}', updated_at: now,
  }));
  const set = {
    // An empty profile name (privacy settings) must not erase the one we had.
    name: sql<string>`case when excluded.name <> '' then excluded.name else contacts.name end`,
    user_id: sql<string | null>`coalesce(contacts.user_id, excluded.user_id)`,
    last_inbound_at: sql<Date>`greatest(contacts.last_inbound_at, excluded.last_inbound_at)`,
    updated_at: now,
  };
  if (byWaId.length) {
    const rows = await tx.insertInto('contacts').values(values(byWaId))
      .onConflict((oc) => oc.columns(['channel_id', 'wa_id']).where('wa_id', 'is not', null).doUpdateSet(set))
      .returning(['id', 'channel_id', 'wa_id', 'user_id']).execute();
    for (const r of rows) ids.set(keyOf({ channelId: r.channel_id, waId: r.wa_id, userId: r.user_id }), r.id);
  }
  if (byUserId.length) {
    const rows = await tx.insertInto('contacts').values(values(byUserId))
      .onConflict((oc) => oc.columns(['channel_id', 'user_id']).where('user_id', 'is not', null).doUpdateSet(set))
      .returning(['id', 'channel_id', 'wa_id', 'user_id']).execute();
    for (const r of rows) ids.set(keyOf({ channelId: r.channel_id, waId: null, userId: r.user_id }), r.id);
  }
  return ids;
}

async function applyStatuses(tx: Tx, statuses: ParsedStatus[]): Promise<void> {
  if (statuses.length === 0) return;
  // One row per wamid: the furthest status of this batch.
  const best = new Map<string, ParsedStatus>();
  for (const s of statuses) {
    const prev = best.get(s.wamid);
    if (!prev || (statusRank[s.status] ?? -1) > (statusRank[prev.status] ?? -1)) best.set(s.wamid, s);
  }
  const list = [...best.values()];

  // A status carrying our outbox id proves a send went through, even if we crashed before
  // recording Meta's answer: the sender must not send that row again.
  // Sorted by outbox id, outbox rows before messages, as the sender records sends (record-sends.ts).
  const confirmed = list.flatMap((s) => s.bizOpaqueCallbackData?.startsWith('outbox:')
    ? [{ outboxId: s.bizOpaqueCallbackData.slice('outbox:'.length), wamid: s.wamid }] : [])
    .sort((a, b) => (a.outboxId < b.outboxId ? -1 : 1))
    .map((c) => sql`(${c.outboxId}::text, ${c.wamid}::text)`);
  if (confirmed.length) {
    await sql`
      with v(outbox_id, wamid) as (values ${sql.join(confirmed)}),
      sent as (
        update outbox o set status = 'sent', wamid = v.wamid, locked_until = null
        from v where o.id = v.outbox_id and o.status in ('pending', 'sending')
        returning o.message_id, v.wamid
      )
      update messages m set wamid = sent.wamid from sent where m.id = sent.message_id and m.wamid is null
    `.execute(tx);
  }

  const values = sql.join(list.map((s) => sql`(${s.wamid}, ${s.status}, ${s.errors.length ? JSON.stringify(s.errors) : null}::jsonb, ${statusRank[s.status] ?? -1}::int)`));
  await sql`
    update messages m set status = v.status, error = coalesce(v.error, m.error)
    from (values ${values}) as v(wamid, status, error, rank)
    where m.wamid = v.wamid and m.direction = 'out' and v.rank > ${rankSql('m.status')}
  `.execute(tx);
}

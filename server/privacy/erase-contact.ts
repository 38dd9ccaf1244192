import { sql } from 'kysely';
import type { Actor } from '../context.ts';
import { recordAudit } from '../db/queries/audit.ts';
import type { Db, Executor } from '../db/database.ts';
import { compactAfterErasure } from './compact-after-erasure.ts';
import { scrubJson } from './scrub-json.ts';

export interface ErasedContact {
  id: string;
  channelId: string;
  /** Digits only, as stored; null for contacts without a WhatsApp number. */
  waId: string | null;
  name: string;
}

/**
 * One place a contact's data lives or was copied to. Each step erases or pseudonymises its copy
 * inside the erasure's transaction; `tables` are the tables it rewrites, compacted afterwards so
 * the old row versions leave the disk too. A new table holding contact data is one more step.
 */
export interface ErasureStep {
  name: string;
  tables: string[];
  run(tx: Executor, contact: ErasedContact): Promise<void>;
}

// A person's name is too common a word to look for everywhere ("Ana" is in "banana"): it is
// scrubbed only where the number or the contact's id already shows the row is about them.
const nameWorthScrubbing = (name: string) => (name.trim().length >= 3 ? [name.trim()] : []);

export const erasureSteps: ErasureStep[] = [
  {
    // A scheduled campaign would otherwise recreate the contact and message them again.
    name: 'campaign audiences',
    tables: ['campaigns'],
    async run(tx, contact) {
      if (!contact.waId) return;
      await sql`
        update campaigns set audience = coalesce((
          select jsonb_agg(r.value order by r.n) from jsonb_array_elements(campaigns.audience) with ordinality as r(value, n)
          where r.value->>'phone' is distinct from ${contact.waId}), '[]'::jsonb)
        where channel_id = ${contact.channelId} and audience @> ${JSON.stringify([{ phone: contact.waId }])}::jsonb
      `.execute(tx);
    },
  },
  {
    name: 'audit details',
    tables: ['audit_log'],
    async run(tx, contact) {
      const rows = await tx
        .selectFrom('audit_log')
        .select(['id', 'details'])
        .where((eb) =>
          eb.or([
            eb.and([eb('target_type', '=', 'contact'), eb('target_id', '=', contact.id)]),
            eb(sql<string>`details::text`, 'like', `%${contact.id}%`),
            ...(contact.waId ? [eb(sql<string>`details::text`, 'like', `%${contact.waId}%`)] : []),
          ]),
        )
        .execute();
      const secrets = [...(contact.waId ? [contact.waId] : []), ...nameWorthScrubbing(contact.name)];
      for (const row of rows) {
        const scrubbed = scrubJson(row.details, secrets);
        if (JSON.stringify(scrubbed) === JSON.stringify(row.details)) continue;
        await tx
          .updateTable('audit_log')
          .set({ details: JSON.stringify(scrubbed) })
          .where('id', '=', row.id)
          .execute();
      }
    },
  },
  {
    name: 'pending jobs',
    tables: ['scheduled_jobs'],
    run: async (tx, contact) => {
      await tx.deleteFrom('scheduled_jobs').where('contact_id', '=', contact.id).execute();
    },
  },
  {
    // Outgoing webhooks' copies of their messages and orders (sent or not), and the Chatwoot link.
    name: 'event webhook deliveries',
    tables: ['event_deliveries', 'chatwoot_links'],
    run: async (tx, contact) => {
      await tx.deleteFrom('event_deliveries').where('contact_id', '=', contact.id).execute();
      await tx.deleteFrom('chatwoot_links').where('contact_id', '=', contact.id).execute();
    },
  },
  {
    // Orders stay for accounting (below), but where the customer lives and what they wrote do not.
    name: 'delivery details of their orders',
    tables: ['orders'],
    run: async (tx, contact) => {
      await tx.updateTable('orders').set({ address: '', notes: '' }).where('contact_id', '=', contact.id).execute();
    },
  },
  {
    // A visit booked by the contact: the seat is given back (a future booking is cancelled, its
    // reminder with it) and who booked it is forgotten; the slot's history stays for the agenda.
    name: 'bookings',
    tables: ['bookings'],
    run: async (tx, contact) => {
      const theirs = (tx2: Executor) =>
        tx2
          .updateTable('bookings')
          .where((eb) =>
            eb.or([
              eb('contact_id', '=', contact.id),
              ...(contact.waId ? [eb('contact_phone', '=', contact.waId)] : []),
            ]),
          );
      await theirs(tx)
        .set({ status: 'cancelled', cancelled_at: sql`now()`, remind_at: null })
        .where('status', '=', 'booked')
        .where('starts_at', '>', sql<Date>`now()`)
        .execute();
      await theirs(tx).set({ contact_id: null, contact_phone: '', contact_name: '' }).execute();
    },
  },
  {
    // Messages (and their media), sessions, the outbox, handoffs and campaign recipients go with
    // it (on delete cascade); orders stay for accounting with the contact set to null.
    name: 'the contact and what hangs on it',
    tables: [
      'contacts',
      'messages',
      'media_files',
      'conversation_sessions',
      'outbox',
      'handoffs',
      'campaign_recipients',
      'orders',
    ],
    run: async (tx, contact) => {
      await tx.deleteFrom('contacts').where('id', '=', contact.id).execute();
    },
  },
];

/** LGPD erasure: every step in one transaction, then the old row versions wiped from disk. */
export async function eraseContact(
  db: Db,
  contact: ErasedContact,
  actor: Actor | null,
  steps = erasureSteps,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (const step of steps) await step.run(tx, contact);
    await recordAudit(tx, actor, 'contact.erase', { type: 'contact', id: contact.id });
  });
  await compactAfterErasure(db, [...new Set(steps.flatMap((s) => s.tables))]);
}

import { sql, type Kysely } from 'kysely';

/**
 * One row per audience line of a campaign that was sent: its contact and either the template
 * message queued for it (whose status Meta's webhooks move on) or why it was skipped. A
 * campaign's totals and its `done` come from these rows, not from having queued the sends.
 * Also: what to do with contacts in the middle of another flow (skip unless told otherwise).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('campaign_recipients')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    // The audience line, from 0: a campaign may list the same number twice.
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('message_id', 'text', (c) => c.references('messages.id').onDelete('cascade'))
    .addColumn('skip_reason', 'text', (c) => c.check(sql`skip_reason in ('in_handoff','in_flow','duplicate')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('campaign_recipients_pkey', ['campaign_id', 'position'])
    .addCheckConstraint('campaign_recipients_sent_or_skipped', sql`(message_id is null) <> (skip_reason is null)`)
    .execute();
  // Erasing a contact or a message deletes its rows: both need an index to find them.
  await db.schema
    .createIndex('campaign_recipients_contact_idx')
    .on('campaign_recipients')
    .column('contact_id')
    .execute();
  await db.schema
    .createIndex('campaign_recipients_message_idx')
    .on('campaign_recipients')
    .column('message_id')
    .execute();

  await db.schema
    .alterTable('campaigns')
    .addColumn('contacts_in_flow', 'text', (c) =>
      c
        .notNull()
        .defaultTo('skip')
        .check(sql`contacts_in_flow in ('skip','interrupt')`),
    )
    .execute();

  // Campaigns sent before this table existed: their recipients are their template messages.
  await sql`
    insert into campaign_recipients (campaign_id, position, contact_id, phone, name, message_id, created_at)
    select m.author_id, (row_number() over (partition by m.author_id order by m.created_at, m.id) - 1)::int,
      m.contact_id, coalesce(c.wa_id, ''), c.name, m.id, m.created_at
    from messages m
    join contacts c on c.id = m.contact_id
    join campaigns k on k.id = m.author_id
    where m.author_kind = 'campaign' and m.direction = 'out'
  `.execute(db);
  // `done` is no longer stored: it is read from the recipients (see the campaigns route).
  await sql`update campaigns set status = 'running' where status = 'done'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update campaigns set status = 'done' where status = 'running'`.execute(db);
  await db.schema.alterTable('campaigns').dropColumn('contacts_in_flow').execute();
  await db.schema.dropTable('campaign_recipients').execute();
}

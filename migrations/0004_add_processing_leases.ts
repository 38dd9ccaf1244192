import { sql, type Kysely } from 'kysely';

/**
 * Leases let several server instances share the work without a coordinator: a contact's
 * inbound messages and an outbox row are each handled by one holder at a time, and a lease
 * left by a crashed process simply expires.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('contacts')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'timestamptz')
    .execute();

  await db.schema
    .alterTable('outbox')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('message'))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('wamid', 'text')
    .execute();
  await sql`alter table outbox drop constraint if exists outbox_status_check`.execute(db);
  await sql`alter table outbox add constraint outbox_status_check check (status in ('pending','sending','sent','failed'))`.execute(
    db,
  );
  await sql`alter table outbox add constraint outbox_kind_check check (kind in ('message','read'))`.execute(db);
  // The sender looks at each contact's oldest unsent row.
  await db.schema
    .createIndex('outbox_contact_queue_idx')
    .on('outbox')
    .columns(['contact_id', 'seq'])
    .where(sql<boolean>`status in ('pending','sending')`)
    .execute();

  await db.schema.alterTable('scheduled_jobs').addColumn('contact_id', 'text').execute();
  await db.schema
    .createIndex('scheduled_jobs_contact_idx')
    .on('scheduled_jobs')
    .column('contact_id')
    .where(sql<boolean>`status = 'pending'`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('scheduled_jobs').dropColumn('contact_id').execute();
  await db.schema.dropIndex('outbox_contact_queue_idx').execute();
  await sql`alter table outbox drop constraint outbox_kind_check`.execute(db);
  await db.schema.alterTable('outbox').dropColumn('kind').dropColumn('locked_until').dropColumn('wamid').execute();
  await db.schema.alterTable('contacts').dropColumn('lease_owner').dropColumn('lease_until').execute();
}

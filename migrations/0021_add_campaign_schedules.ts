import { sql, type Kysely } from 'kysely';

/**
 * Campaigns run from the studio: a schedule (null: once; or daily / weekly at a time of day in
 * the business time zone), an audience read from the contacts at each run (`audience_filter`),
 * runs of a recurring campaign as campaigns of their own (`parent_id`), pause and cancel, and a
 * pacing mark (`last_wave_at`). Recipients are written when a run starts and sent in waves: a
 * row with neither message nor skip reason is still waiting its turn, with its `variables`.
 * Skips gain `opted_out` and `cancelled`. Channels gain their throughput (messages/s).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('campaigns')
    .addColumn('schedule', 'jsonb')
    .addColumn('audience_filter', 'jsonb')
    .addColumn('parent_id', 'text', (c) => c.references('campaigns.id').onDelete('cascade'))
    .addColumn('last_wave_at', 'timestamptz')
    .execute();
  await sql`alter table campaigns drop constraint campaigns_status_check`.execute(db);
  await sql`alter table campaigns add constraint campaigns_status_check check (status in ('scheduled','running','paused','cancelled'))`.execute(
    db,
  );
  await db.schema.createIndex('campaigns_parent_idx').on('campaigns').column('parent_id').execute();

  await sql`alter table campaign_recipients drop constraint campaign_recipients_sent_or_skipped`.execute(db);
  await sql`alter table campaign_recipients add constraint campaign_recipients_sent_or_skipped check (message_id is null or skip_reason is null)`.execute(
    db,
  );
  await sql`alter table campaign_recipients drop constraint campaign_recipients_skip_reason_check`.execute(db);
  await sql`alter table campaign_recipients add constraint campaign_recipients_skip_reason_check check (skip_reason in ('in_handoff','in_flow','duplicate','opted_out','cancelled'))`.execute(
    db,
  );
  await db.schema
    .alterTable('campaign_recipients')
    .addColumn('variables', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  // Each wave takes a running campaign's waiting recipients in audience order.
  await sql`create index campaign_recipients_waiting_idx on campaign_recipients (campaign_id, position) where message_id is null and skip_reason is null`.execute(
    db,
  );

  await db.schema.alterTable('channels').addColumn('throughput', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('channels').dropColumn('throughput').execute();
  await sql`drop index campaign_recipients_waiting_idx`.execute(db);
  await sql`delete from campaign_recipients where message_id is null and skip_reason is null`.execute(db);
  await db.schema.alterTable('campaign_recipients').dropColumn('variables').execute();
  await sql`update campaign_recipients set skip_reason = 'duplicate' where skip_reason in ('opted_out','cancelled')`.execute(
    db,
  );
  await sql`alter table campaign_recipients drop constraint campaign_recipients_skip_reason_check`.execute(db);
  await sql`alter table campaign_recipients add constraint campaign_recipients_skip_reason_check check (skip_reason in ('in_handoff','in_flow','duplicate'))`.execute(
    db,
  );
  await sql`alter table campaign_recipients drop constraint campaign_recipients_sent_or_skipped`.execute(db);
  await sql`alter table campaign_recipients add constraint campaign_recipients_sent_or_skipped check ((message_id is null) <> (skip_reason is null))`.execute(
    db,
  );
  await sql`delete from campaigns where parent_id is not null`.execute(db);
  await sql`update campaigns set status = 'running' where status in ('paused','cancelled')`.execute(db);
  await sql`alter table campaigns drop constraint campaigns_status_check`.execute(db);
  await sql`alter table campaigns add constraint campaigns_status_check check (status in ('scheduled','running','done'))`.execute(
    db,
  );
  await db.schema.dropIndex('campaigns_parent_idx').execute();
  await db.schema
    .alterTable('campaigns')
    .dropColumn('schedule')
    .dropColumn('audience_filter')
    .dropColumn('parent_id')
    .dropColumn('last_wave_at')
    .execute();
}

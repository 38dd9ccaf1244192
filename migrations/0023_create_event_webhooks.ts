import { sql, type Kysely } from 'kysely';

/**
 * Outgoing event webhooks. `event_webhooks` holds the admins' subscriptions (URL, the events
 * they want, the signing secret encrypted like channel secrets). `event_deliveries` is the
 * outbox of what happened: one row per subscription and event, written in the same
 * transaction (or statement) as the change it tells about, and sent by the delivery worker in
 * `seq` order per contact. The body is stored as the exact text that is signed and sent, so a
 * retry or a "reenviar" sends the same bytes with the same event id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event_webhooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // `http`: an admin's URL. `chatwoot`: the Chatwoot bridge's own subscription (its events are
    // mirrored through Chatwoot's API instead of POSTed; not listed among the admins' webhooks).
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('http'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // A JSON array of event types (`message.received`, …).
    .addColumn('events', 'jsonb', (c) => c.notNull())
    .addColumn('secret_enc', 'text', (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('event_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull().generatedAlwaysAsIdentity())
    .addColumn('webhook_id', 'text', (c) => c.notNull().references('event_webhooks.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    // Deliveries of one contact go out one at a time, in order; null: no order to keep.
    .addColumn('contact_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
    // Held by a worker while its HTTP call is in flight (another instance skips it until then).
    .addColumn('lease_until', 'timestamptz')
    .addColumn('last_attempt_at', 'timestamptz')
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('event_deliveries_status', sql`status in ('pending', 'delivered', 'failed')`)
    .execute();
  // The worker's queue: pending rows by due time, and the "is an earlier one still pending" check.
  await db.schema
    .createIndex('event_deliveries_due_idx')
    .on('event_deliveries')
    .columns(['next_attempt_at', 'seq'])
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  await db.schema
    .createIndex('event_deliveries_order_idx')
    .on('event_deliveries')
    .columns(['webhook_id', 'contact_id', 'seq'])
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  // The studio's delivery log, newest first.
  await db.schema
    .createIndex('event_deliveries_log_idx')
    .on('event_deliveries')
    .columns(['webhook_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('event_deliveries').execute();
  await db.schema.dropTable('event_webhooks').execute();
}

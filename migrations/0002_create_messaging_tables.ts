import { sql, type Kysely } from 'kysely';

/** WhatsApp numbers, contacts, their conversation sessions and every message in or out. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('channels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone_number_id', 'text', (c) => c.notNull().unique())
    .addColumn('waba_id', 'text')
    .addColumn('display_phone', 'text')
    // Encrypted with SECRET_KEY (AES-256-GCM); never returned by the API.
    .addColumn('access_token_enc', 'text', (c) => c.notNull())
    .addColumn('app_secret_enc', 'text', (c) => c.notNull())
    .addColumn('verify_token', 'text', (c) => c.notNull())
    .addColumn('flow_id', 'text', (c) => c.references('flows.id').onDelete('set null'))
    .addColumn('mark_read', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('healthy', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('health_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
    // Meta is moving to business-scoped user ids; wa_id (the phone) may be absent then.
    .addColumn('wa_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('last_inbound_at', 'timestamptz')
    .addColumn('variables', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('contacts_has_identity', sql`wa_id is not null or user_id is not null`)
    .execute();
  await db.schema
    .createIndex('contacts_channel_wa_id_key')
    .unique()
    .on('contacts')
    .columns(['channel_id', 'wa_id'])
    .where(sql.ref('wa_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('contacts_channel_user_id_key')
    .unique()
    .on('contacts')
    .columns(['channel_id', 'user_id'])
    .where(sql.ref('user_id'), 'is not', null)
    .execute();

  await db.schema
    .createTable('conversation_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('flow_id', 'text', (c) => c.notNull().references('flows.id').onDelete('cascade'))
    .addColumn('flow_version_id', 'text', (c) => c.notNull().references('flow_versions.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active','handoff','ended')`))
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // At most one live session per contact.
  await db.schema
    .createIndex('conversation_sessions_live_key')
    .unique()
    .on('conversation_sessions')
    .column('contact_id')
    .where(sql.ref('status'), '<>', 'ended')
    .execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('in','out')`))
    // Unique so that Meta's redeliveries of the same message are dropped at insert.
    .addColumn('wamid', 'text', (c) => c.unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'jsonb')
    .addColumn('wa_timestamp', 'timestamptz')
    .addColumn('session_id', 'text')
    .addColumn('author_kind', 'text', (c) => c.notNull().defaultTo('contact'))
    .addColumn('author_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('processed_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('messages_contact_time_idx')
    .on('messages')
    .columns(['contact_id', 'created_at'])
    .execute();
  // The inbound work queue: unprocessed messages of a contact, oldest WhatsApp timestamp first.
  await db.schema
    .createIndex('messages_pending_idx')
    .on('messages')
    .columns(['contact_id', 'wa_timestamp'])
    .where(sql<boolean>`direction = 'in' and processed_at is null`)
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull().unique().references('messages.id').onDelete('cascade'))
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    // Position within the contact's replies: sends to one contact go out in this order.
    .addColumn('seq', 'bigint', (c) => c.notNull().generatedAlwaysAsIdentity())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending','sent','failed')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('outbox_pending_idx')
    .on('outbox')
    .columns(['next_attempt_at'])
    .where(sql<boolean>`status = 'pending'`)
    .execute();

  await db.schema
    .createTable('scheduled_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    // Timers are replaced or cancelled by key (e.g. `timeout:<session>`).
    .addColumn('key', 'text', (c) => c.unique())
    .addColumn('run_at', 'timestamptz', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending','done','failed')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('scheduled_jobs_due_idx')
    .on('scheduled_jobs')
    .columns(['run_at'])
    .where(sql<boolean>`status = 'pending'`)
    .execute();

  await db.schema
    .createTable('handoffs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('session_id', 'text', (c) => c.references('conversation_sessions.id').onDelete('set null'))
    .addColumn('team', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open','claimed','resolved')`))
    .addColumn('assigned_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('context', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('claimed_at', 'timestamptz')
    .addColumn('resolved_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('handoffs_open_contact_key')
    .unique()
    .on('handoffs')
    .column('contact_id')
    .where(sql.ref('status'), '<>', 'resolved')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'handoffs',
    'scheduled_jobs',
    'outbox',
    'messages',
    'conversation_sessions',
    'contacts',
    'channels',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}

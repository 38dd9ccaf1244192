import { sql, type Kysely } from 'kysely';

/**
 * The Chatwoot bridge: the connection (one per installation, optionally limited to a
 * channel), each contact's Chatwoot contact and current conversation, and the messages known
 * on both sides by Chatwoot's id (what makes both directions idempotent and echo-free). What
 * to mirror is queued as event deliveries of the bridge's own subscription (0023).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('chatwoot_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('base_url', 'text', (c) => c.notNull())
    .addColumn('account_id', 'integer', (c) => c.notNull())
    .addColumn('inbox_id', 'integer', (c) => c.notNull())
    .addColumn('api_token_enc', 'text', (c) => c.notNull())
    .addColumn('webhook_secret_enc', 'text')
    .addColumn('webhook_token', 'text', (c) => c.notNull().unique())
    .addColumn('channel_id', 'text', (c) => c.references('channels.id').onDelete('set null'))
    .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('chatwoot_links')
    .addColumn('contact_id', 'text', (c) => c.primaryKey().references('contacts.id').onDelete('cascade'))
    .addColumn('chatwoot_contact_id', 'integer', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'integer')
    .addColumn('conversation_status', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('chatwoot_links_conversation_idx')
    .on('chatwoot_links')
    .column('conversation_id')
    .execute();

  await db.schema
    .createTable('chatwoot_messages')
    .addColumn('chatwoot_message_id', 'integer', (c) => c.primaryKey())
    .addColumn('message_id', 'text')
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('chatwoot_messages_message_idx').on('chatwoot_messages').column('message_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('chatwoot_messages').execute();
  await db.schema.dropTable('chatwoot_links').execute();
  await db.schema.dropTable('chatwoot_settings').execute();
}

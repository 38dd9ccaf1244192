import { sql, type Kysely } from 'kysely';

/**
 * The installation's settings, changed in the studio instead of environment variables:
 * `settings` holds one JSON value per key (time zone, business hours, retention, language;
 * their shapes and defaults live in shared/api/settings.ts), and `ai_providers` the
 * OpenAI-compatible providers LLM blocks may use, one of them the default.
 * Plus an index for the retention job.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('ai_providers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('base_url', 'text', (c) => c.notNull())
    // Encrypted with SECRET_KEY (AES-256-GCM) like channel tokens; never returned by the API.
    // Null for providers that need no key (a local Ollama).
    .addColumn('api_key_enc', 'text')
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('is_default', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // At most one default: the one LLM blocks use when they name none.
  await db.schema
    .createIndex('ai_providers_default_key')
    .unique()
    .on('ai_providers')
    .column('is_default')
    .where(sql.ref('is_default'), '=', true)
    .execute();
  // The daily retention job finds old messages by age alone, oldest first, a batch at a time.
  await db.schema.createIndex('messages_created_at_idx').on('messages').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('messages_created_at_idx').execute();
  await db.schema.dropTable('ai_providers').execute();
  await db.schema.dropTable('settings').execute();
}

import { sql, type Kysely } from 'kysely';

/**
 * Meta's message templates of each channel's WhatsApp account, synced from
 * `GET /{waba-id}/message_templates` and updated by the template webhooks. One row per
 * channel and template (channels sharing a WABA each keep their copy), keyed by Meta's id;
 * the components are stored as Meta sent them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('message_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
    .addColumn('waba_id', 'text', (c) => c.notNull())
    .addColumn('meta_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('quality', 'text')
    .addColumn('parameter_format', 'text', (c) => c.notNull().defaultTo('POSITIONAL'))
    .addColumn('components', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('rejected_reason', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('message_templates_channel_meta_key', ['channel_id', 'meta_id'])
    .execute();
  // Template webhooks name the WABA and Meta's template id.
  await db.schema
    .createIndex('message_templates_waba_meta_idx')
    .on('message_templates')
    .columns(['waba_id', 'meta_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('message_templates').execute();
}

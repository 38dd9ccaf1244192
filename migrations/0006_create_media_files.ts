import { sql, type Kysely } from 'kysely';

/**
 * Media contacts send (photos of a property, a receipt, a voice note). Meta's media ids
 * expire after 7 days and its URLs after 5 minutes, so the file is downloaded and kept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('media_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull().unique().references('messages.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('stored','failed')`))
    .addColumn('mime_type', 'text')
    .addColumn('sha256', 'text')
    .addColumn('size', 'integer')
    .addColumn('bytes', 'bytea')
    .addColumn('error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('media_files').execute();
}

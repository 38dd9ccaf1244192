import { sql, type Kysely } from 'kysely';

/**
 * When each person last read each conversation, so the conversations page can count what is
 * unread for them. `reader_id` is the user (or, for a token of no user, the token): per reader,
 * since two agents reading the same conversations each have their own unread counts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('conversation_reads')
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('reader_id', 'text', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('conversation_reads_pkey', ['contact_id', 'reader_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('conversation_reads').execute();
}

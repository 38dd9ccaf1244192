import { sql, type Kysely } from 'kysely';

/**
 * Files agents upload to send (a photo, a PDF): kept in `media_files` beside what contacts
 * send, so `GET /api/media/:id` serves both. An upload belongs to no message until it is sent
 * (`message_id` null), and carries a public unguessable `token`: Meta downloads it by link
 * without our credentials, as it does product photos.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('media_files')
    .alterColumn('message_id', (c) => c.dropNotNull())
    .execute();
  await db.schema
    .alterTable('media_files')
    .addColumn('token', 'text', (c) => c.unique())
    .addColumn('file_name', 'text')
    .addColumn('uploaded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await sql`create index media_files_uploads_idx on media_files (created_at) where message_id is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists media_files_uploads_idx`.execute(db);
  await db.schema
    .alterTable('media_files')
    .dropColumn('token')
    .dropColumn('file_name')
    .dropColumn('uploaded_by')
    .execute();
  await db
    .deleteFrom('media_files' as never)
    .where(sql`message_id`, 'is', null)
    .execute();
  await db.schema
    .alterTable('media_files')
    .alterColumn('message_id', (c) => c.setNotNull())
    .execute();
}

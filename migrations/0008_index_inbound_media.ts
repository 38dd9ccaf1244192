import { sql, type Kysely } from 'kysely';

/** The media fetcher looks for inbound media without a stored file on every wake-up: keep that scan small. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('messages_inbound_media_idx')
    .on('messages')
    .column('created_at')
    .where(sql<boolean>`direction = 'in' and type in ('image','audio','video','document','sticker')`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('messages_inbound_media_idx').execute();
}

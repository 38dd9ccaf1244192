import type { Executor } from '../database.ts';

/** A stored media file with what the route needs to answer with it (bytes included). */
export async function findMediaFile(db: Executor, id: string) {
  return db
    .selectFrom('media_files')
    .innerJoin('messages', 'messages.id', 'media_files.message_id')
    .select([
      'media_files.id',
      'media_files.status',
      'media_files.mime_type',
      'media_files.size',
      'media_files.sha256',
      'media_files.bytes',
      'media_files.created_at',
      'messages.contact_id',
      'messages.payload',
    ])
    .where('media_files.id', '=', id)
    .executeTakeFirst();
}

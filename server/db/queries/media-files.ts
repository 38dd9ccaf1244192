import type { Executor } from '../database.ts';

/** A stored media file with what the route needs to answer with it (bytes included). */
export async function findMediaFile(db: Executor, id: string) {
  return (
    db
      .selectFrom('media_files')
      // An agent's upload has no message (nor contact) until it is sent.
      .leftJoin('messages', 'messages.id', 'media_files.message_id')
      .select([
        'media_files.id',
        'media_files.status',
        'media_files.mime_type',
        'media_files.size',
        'media_files.sha256',
        'media_files.bytes',
        'media_files.file_name',
        'media_files.created_at',
        'messages.contact_id',
        'messages.payload',
      ])
      .where('media_files.id', '=', id)
      .executeTakeFirst()
  );
}

export interface UploadedMedia {
  id: string;
  token: string;
  mimeType: string;
  fileName: string;
  size: number;
}

/** Stores an agent's upload, not yet sent (no message). */
export async function insertUploadedMedia(
  db: Executor,
  file: UploadedMedia & { sha256: string; bytes: Uint8Array; uploadedBy: string | null; now: Date },
): Promise<void> {
  await db
    .insertInto('media_files')
    .values({
      id: file.id,
      message_id: null,
      status: 'stored',
      mime_type: file.mimeType,
      sha256: file.sha256,
      size: file.size,
      bytes: file.bytes,
      error: null,
      token: file.token,
      file_name: file.fileName,
      uploaded_by: file.uploadedBy,
      created_at: file.now,
    })
    .execute();
}

/** An upload by id, without its bytes: what sending it needs. */
export async function findUploadedMedia(db: Executor, id: string): Promise<UploadedMedia | undefined> {
  const row = await db
    .selectFrom('media_files')
    .select(['id', 'token', 'mime_type', 'file_name', 'size'])
    .where('id', '=', id)
    .where('token', 'is not', null)
    .executeTakeFirst();
  if (!row?.token) return undefined;
  return {
    id: row.id,
    token: row.token,
    mimeType: row.mime_type ?? 'application/octet-stream',
    fileName: row.file_name ?? row.id,
    size: row.size ?? 0,
  };
}

/** The bytes behind an upload's public token (Meta's download), or undefined. */
export async function readUploadByToken(db: Executor, token: string) {
  return db
    .selectFrom('media_files')
    .select(['mime_type', 'bytes', 'file_name', 'sha256'])
    .where('token', '=', token)
    .where('status', '=', 'stored')
    .executeTakeFirst();
}

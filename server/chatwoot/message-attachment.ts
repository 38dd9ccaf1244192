import type { Executor } from '../db/database.ts';
import { readUploadByToken } from '../db/queries/media-files.ts';
import type { ChatwootUpload } from './chatwoot-client.ts';

/** Thrown while a contact's file is still being downloaded from Meta: the event is retried later. */
export class MediaNotReadyError extends Error {
  constructor(messageId: string) {
    super(`o arquivo da mensagem ${messageId} ainda está sendo baixado do WhatsApp`);
    this.name = 'MediaNotReadyError';
  }
}

const extensionOf = (mimeType: string) => mimeType.split('/')[1]?.split(';')[0]?.replace(/[^\w]/g, '') || 'bin';

/**
 * The file of a Fluxo message, to mirror into Chatwoot as an attachment: a contact's photo or
 * document as kept in `media_files`, or an agent's upload (by the token in the link it was sent
 * by). Null for a message without one, or whose download from Meta failed (its text goes alone).
 */
export async function messageAttachment(db: Executor, messageId: string): Promise<ChatwootUpload | null> {
  const row = await db
    .selectFrom('messages')
    .leftJoin('media_files as f', 'f.message_id', 'messages.id')
    .select(['messages.direction', 'messages.payload', 'f.status', 'f.mime_type', 'f.bytes', 'f.file_name'])
    .where('messages.id', '=', messageId)
    .executeTakeFirst();
  if (!row) return null;
  const payload = (row.payload ?? {}) as { content?: Record<string, unknown>; message?: Record<string, unknown> };
  const content = row.direction === 'in' ? payload.content : payload.message;
  if (content?.kind !== 'media') return null;
  if (row.direction === 'out') {
    const token = /\/files\/([\w-]{20,64})\//.exec(String(content.url ?? ''))?.[1];
    const upload = token ? await readUploadByToken(db, token) : undefined;
    if (!upload?.bytes) return null;
    const mimeType = upload.mime_type ?? 'application/octet-stream';
    return { fileName: upload.file_name ?? `arquivo.${extensionOf(mimeType)}`, mimeType, bytes: upload.bytes };
  }
  if (row.status === null) throw new MediaNotReadyError(messageId);
  if (row.status !== 'stored' || !row.bytes) return null;
  const mimeType = row.mime_type?.split(';')[0]?.trim() || 'application/octet-stream';
  const raw = (payload as { raw?: { document?: { filename?: unknown } } }).raw?.document?.filename;
  const named = typeof raw === 'string' && raw ? raw.replace(/[\u0000-\u001f"\\/]/g, '') : null;
  return {
    fileName: named ?? `${String(content.media)}-${messageId.slice(0, 8)}.${extensionOf(mimeType)}`,
    mimeType,
    bytes: row.bytes,
  };
}

import type { InboxMessage } from '../../shared/api/handoffs.ts';

const kinds = ['image', 'document', 'audio', 'video', 'sticker'] as const;
type Kind = (typeof kinds)[number];
const isKind = (v: unknown): v is Kind => kinds.includes(v as Kind);
const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

/**
 * The photo or file of a message for the inbox: a contact's from its stored copy (payload
 * `content`, file in `media_files`), ours from the link it was sent by (payload `message`).
 */
export function inboxMediaOf(m: {
  direction: 'in' | 'out';
  payload: unknown;
  media_id: string | null;
  media_status: 'stored' | 'failed' | null;
}): InboxMessage['media'] {
  const payload = (m.payload ?? {}) as { content?: Record<string, unknown>; message?: Record<string, unknown> };
  const content = m.direction === 'in' ? payload.content : payload.message;
  if (content?.kind !== 'media' || !isKind(content.media)) return null;
  if (m.direction === 'out') return { kind: content.media, url: str(content.url), fileName: str(content.filename) };
  const url = m.media_id && m.media_status === 'stored' ? `/api/media/${encodeURIComponent(m.media_id)}` : null;
  return { kind: content.media, url, fileName: str(content.filename) };
}

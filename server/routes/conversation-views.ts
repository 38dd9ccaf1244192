import type { ConversationMessage, ConversationSummary } from '../../shared/api/conversations.ts';
import type { ConversationRow, conversationMessages } from '../db/queries/conversations.ts';
import { sentFileName } from '../media/file-name.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

export function toSummary(r: ConversationRow): ConversationSummary {
  const lastAt = iso(r.last_at);
  return {
    id: r.id,
    contact: { id: r.id, name: r.name, phone: r.wa_id },
    channel: { id: r.channel_id, name: r.channel_name },
    status: r.status,
    lastMessage: { direction: r.last_direction, type: r.last_type, preview: r.last_text, createdAt: lastAt },
    unread: Number(r.unread),
    lastActivityAt: lastAt,
  };
}

const authors: Record<string, ConversationMessage['author']> = {
  agent: 'agent',
  operator: 'operator',
  campaign: 'campaign',
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Why a message failed, from what was stored: Meta's status webhook errors (a list of
 * `{ code, title, message }`), the sender's `{ code, message }`, or our own reason.
 */
export function failureOf(error: unknown): ConversationMessage['error'] {
  const first = Array.isArray(error) ? error[0] : error;
  if (!isObject(first)) return null;
  const code = typeof first.code === 'string' || typeof first.code === 'number' ? first.code : null;
  const detail =
    isObject(first.error_data) && typeof first.error_data.details === 'string' ? first.error_data.details : null;
  const title = [first.title, first.message, detail].find((t): t is string => typeof t === 'string' && t !== '') ?? '';
  return { code, title };
}

/** What the contact saw: the channel-neutral message we sent, or what the contact sent us. */
function contentOf(direction: 'in' | 'out', payload: unknown): Json | null {
  if (!isObject(payload)) return null;
  const content = direction === 'out' ? payload.message : payload.content;
  return isObject(content) ? content : null;
}

export function toMessage(m: Awaited<ReturnType<typeof conversationMessages>>[number]): ConversationMessage {
  return {
    id: m.id,
    direction: m.direction,
    author: m.direction === 'in' ? 'contact' : (authors[m.author_kind] ?? 'bot'),
    type: m.type,
    text: m.text,
    content: contentOf(m.direction, m.payload),
    status: m.status,
    error: m.status === 'failed' || m.error ? failureOf(m.error) : null,
    media:
      m.media_id && m.media_status
        ? {
            id: m.media_id,
            status: m.media_status,
            mimeType: m.media_mime_type,
            fileName: sentFileName(m.payload, m.media_file_name),
          }
        : null,
    createdAt: iso(m.created_at),
  };
}

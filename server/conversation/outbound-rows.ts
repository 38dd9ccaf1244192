import { randomUUID } from 'node:crypto';
import type { OutboundMessage } from '../../runtime/messages.ts';
import { textOf } from '../../shared/messages/outbound.ts';
import type { Tx } from '../db/database.ts';
import { toGraphMessage } from '../whatsapp/to-graph-message.ts';

/** An outbound `messages` row, JSON-ready: `payload` and `error` are objects. */
export interface OutboundMessageRow {
  id: string;
  channel_id: string;
  contact_id: string;
  type: string;
  text: string | null;
  status: 'pending' | 'failed';
  session_id: string | null;
  author_kind: 'bot' | 'agent' | 'operator' | 'campaign';
  author_id: string | null;
  payload: unknown;
  error: unknown;
}

/** An `outbox` row; a contact's rows are sent in the order they are inserted (`seq`). */
export interface OutboxRow {
  id: string;
  message_id: string;
  channel_id: string;
  contact_id: string;
  kind: 'message' | 'read';
}

export interface OutboundRows {
  messages: OutboundMessageRow[];
  outbox: OutboxRow[];
}

/**
 * The one way a message to send becomes rows, whoever sends it (the flow, an agent, an
 * operator, a campaign): a message row per Graph payload (a long text may be several), each
 * with its outbox row, and the readable text from `textOf`. Outside the 24-hour window a
 * non-template is one `failed` row and nothing queued: Meta would refuse it (131047), and the
 * inbox shows why nothing went out. Pure.
 */
export function outboundRows(input: {
  contact: { id: string; channel_id: string; wa_id: string | null; user_id: string | null };
  message: OutboundMessage;
  author: { kind: OutboundMessageRow['author_kind']; id: string | null };
  sessionId: string | null;
  windowOpen: boolean;
}): OutboundRows {
  const { contact, message } = input;
  const base = {
    channel_id: contact.channel_id,
    contact_id: contact.id,
    type: message.kind,
    text: textOf(message),
    session_id: input.sessionId,
    author_kind: input.author.kind,
    author_id: input.author.id,
  };
  if (!input.windowOpen && message.kind !== 'template') {
    return {
      messages: [
        {
          ...base,
          id: randomUUID(),
          status: 'failed',
          payload: { message },
          error: {
            code: 'outside_window',
            message: 'Fora da janela de 24 horas: só modelos aprovados podem ser enviados.',
          },
        },
      ],
      outbox: [],
    };
  }
  const rows: OutboundRows = { messages: [], outbox: [] };
  for (const graph of toGraphMessage(message, { waId: contact.wa_id, userId: contact.user_id })) {
    const id = randomUUID();
    rows.messages.push({ ...base, id, status: 'pending', payload: { message, graph }, error: null });
    rows.outbox.push({
      id: randomUUID(),
      message_id: id,
      channel_id: contact.channel_id,
      contact_id: contact.id,
      kind: 'message',
    });
  }
  return rows;
}

/**
 * Writes outbound rows in the caller's transaction, messages before the outbox rows that
 * point at them. (The one-statement commit, commit-batch.ts, writes the same rows in SQL.)
 */
export async function insertOutboundRows(tx: Tx, rows: OutboundRows, now: Date): Promise<void> {
  if (rows.messages.length) {
    await tx
      .insertInto('messages')
      .values(
        rows.messages.map((m) => ({
          ...m,
          direction: 'out' as const,
          created_at: now,
          // Never null for outbound: null marks inbound messages waiting (migration 0040).
          processed_at: now,
          payload: JSON.stringify(m.payload),
          error: m.error === null ? null : JSON.stringify(m.error),
        })),
      )
      .execute();
  }
  if (rows.outbox.length) {
    await tx
      .insertInto('outbox')
      .values(rows.outbox.map((o) => ({ ...o, status: 'pending' as const, next_attempt_at: now })))
      .execute();
  }
}

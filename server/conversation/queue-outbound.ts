import { randomUUID } from 'node:crypto';
import type { OutboundMessage } from '../../runtime/messages.ts';
import type { Tx } from '../db/database.ts';
import { toGraphMessage } from '../whatsapp/to-graph-message.ts';

/**
 * Queues a message someone other than the flow sends (an agent, an operator, a campaign):
 * one message row and one outbox row per Graph payload, in the caller's transaction.
 */
export async function queueOutbound(tx: Tx, input: {
  contact: { id: string; channel_id: string; wa_id: string | null; user_id: string | null };
  message: OutboundMessage;
  text: string;
  authorKind: 'agent' | 'operator' | 'campaign';
  authorId: string | null;
  now: Date;
}): Promise<string[]> {
  const { contact, message, now } = input;
  const ids: string[] = [];
  for (const graph of toGraphMessage(message, { waId: contact.wa_id, userId: contact.user_id })) {
    const id = randomUUID();
    ids.push(id);
    await tx.insertInto('messages').values({
      id, channel_id: contact.channel_id, contact_id: contact.id, direction: 'out', type: message.kind, text: input.text,
      status: 'pending', author_kind: input.authorKind, author_id: input.authorId, created_at: now,
      payload: JSON.stringify({ message, graph }),
    }).execute();
    await tx.insertInto('outbox').values({
      id: randomUUID(), message_id: id, channel_id: contact.channel_id, contact_id: contact.id, status: 'pending', next_attempt_at: now,
    }).execute();
  }
  return ids;
}

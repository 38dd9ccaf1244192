import type { ConversationMessage } from '../../api/client.ts';

export type Delivery = 'sending' | 'sent' | 'delivered' | 'read' | 'failed';

/** Server statuses as WhatsApp's ticks: Meta's status webhooks move them along. */
const byStatus: Readonly<Record<string, Delivery>> = {
  pending: 'sending',
  accepted: 'sent',
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  played: 'read',
  failed: 'failed',
};

/** The ticks of an outgoing message; null for incoming ones and statuses we don't know. */
export function deliveryOf(message: Pick<ConversationMessage, 'direction' | 'status'>): Delivery | null {
  if (message.direction !== 'out' || !Object.hasOwn(byStatus, message.status)) return null;
  return byStatus[message.status] ?? null;
}

export const ticks: Readonly<Record<Delivery, string>> = {
  sending: '🕓',
  sent: '✓',
  delivered: '✓✓',
  read: '✓✓',
  failed: '⚠',
};

/** "131047 · Re-engagement message": what Meta (or the sender) said, code first. */
export function failureText(error: ConversationMessage['error']): string | null {
  if (!error) return null;
  const parts = [error.code === null ? '' : String(error.code), error.title].filter((p) => p !== '');
  return parts.length ? parts.join(' · ') : null;
}

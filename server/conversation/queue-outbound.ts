import type { OutboundMessage } from '../../runtime/messages.ts';
import type { Tx } from '../db/database.ts';
import { insertOutboundRows, outboundRows } from './outbound-rows.ts';

/**
 * Queues a message someone other than the flow sends (an agent, an operator, a campaign) in
 * the caller's transaction; returns the message rows' ids. The caller has checked the 24-hour
 * window (a 409 for an agent or operator; campaigns send templates).
 */
export async function queueOutbound(
  tx: Tx,
  input: {
    contact: { id: string; channel_id: string; wa_id: string | null; user_id: string | null };
    message: OutboundMessage;
    /** `bot`: our own confirmations, such as an opt-out word's. */
    authorKind: 'agent' | 'operator' | 'campaign' | 'bot';
    authorId: string | null;
    now: Date;
    /** False records the message as `failed` (`outside_window`) without sending it; the caller answers 409. */
    windowOpen?: boolean;
  },
): Promise<string[]> {
  const rows = outboundRows({
    contact: input.contact,
    message: input.message,
    author: { kind: input.authorKind, id: input.authorId },
    sessionId: null,
    windowOpen: input.windowOpen ?? true,
  });
  await insertOutboundRows(tx, rows, input.now);
  return rows.messages.map((m) => m.id);
}

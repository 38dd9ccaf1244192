import type { Executor } from '../db/database.ts';
import { emitEvent } from './emit-event.ts';

/**
 * `contact.opted_out`, in the transaction that set the contact's `opted_out_at`: by an operator
 * in the studio, or by the contact (an opt-out word; the campaigns side calls this with `contact`).
 */
export async function emitOptOut(
  tx: Executor,
  contactId: string,
  by: 'operator' | 'contact' | 'import',
  now: Date,
): Promise<void> {
  await emitEvent(tx, { type: 'contact.opted_out', contactId, data: { contactId, by, at: now.toISOString() } }, now);
}

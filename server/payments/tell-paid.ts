import type { OrderNotice } from '../../shared/api/orders.ts';
import { queueOutbound } from '../conversation/queue-outbound.ts';
import type { Tx } from '../db/database.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { findContact } from '../db/queries/contacts.ts';
import { findOrderNotification } from '../db/queries/order-notifications.ts';
import { loadOrders } from '../orders/order-view.ts';
import { paidNotice } from '../orders/status-notice.ts';

/**
 * Tells the order's customer their payment arrived with the `paid` order notice (text in the
 * 24-hour window, its template outside, or nothing and why), in the caller's transaction.
 * Answers what was decided; null when the order is gone.
 */
export async function tellPaid(tx: Tx, orderId: string, now: Date): Promise<OrderNotice | null> {
  const [loaded] = await loadOrders(tx, { id: orderId, limit: 1 });
  if (!loaded) return null;
  const decided = paidNotice(loaded.order, await findOrderNotification(tx, 'paid'), loaded.customer, now);
  const contact = decided.message && loaded.order.contactId ? await findContact(tx, loaded.order.contactId) : undefined;
  if (decided.message && contact)
    await queueOutbound(tx, { contact, message: decided.message, authorKind: 'bot', authorId: null, now });
  return decided.notice;
}

/**
 * A confirmation no flow was waiting for (run in the contact's queue, so it is decided once,
 * after whatever the session did before): the customer is told, and the audit log says how or
 * why not.
 */
export async function tellUnheardPayment(tx: Tx, reference: string, now: Date): Promise<void> {
  const order = await tx
    .selectFrom('orders')
    .select('id')
    .where('payment_reference', '=', reference)
    .executeTakeFirst();
  if (!order) return;
  const notice = await tellPaid(tx, order.id, now);
  await recordAudit(
    tx,
    null,
    'orders.paid_notice',
    { type: 'order', id: order.id },
    { notified: notice?.via ?? null, reason: notice?.reason ?? null },
  );
}

import type { Executor } from '../database.ts';
import type { OrderNoticeKind } from '../../../shared/orders/statuses.ts';
import type { Row, RowUpdate } from '../tables.ts';

export type OrderNotificationRow = Row<'order_notifications'>;

/** Every status's customer message (the migration seeds one per status). */
export async function listOrderNotifications(db: Executor): Promise<OrderNotificationRow[]> {
  return db.selectFrom('order_notifications').selectAll().execute();
}

export async function findOrderNotification(
  db: Executor,
  status: OrderNoticeKind,
): Promise<OrderNotificationRow | undefined> {
  return db.selectFrom('order_notifications').selectAll().where('status', '=', status).executeTakeFirst();
}

export async function updateOrderNotification(
  db: Executor,
  status: OrderNoticeKind,
  changes: RowUpdate<'order_notifications'>,
): Promise<void> {
  await db.updateTable('order_notifications').set(changes).where('status', '=', status).execute();
}

import type { Executor } from '../database.ts';
import type { OrderStatus, Row, RowUpdate } from '../tables.ts';

export type OrderItemRow = Row<'order_items'>;

/** Orders newest first with their contact's name, and the items of those orders. */
export async function findOrders(db: Executor, filter: { id?: string; status?: OrderStatus; limit: number }) {
  let q = db.selectFrom('orders').leftJoin('contacts', 'contacts.id', 'orders.contact_id')
    .selectAll('orders').select('contacts.name as contact_name').orderBy('orders.created_at', 'desc').limit(filter.limit);
  if (filter.id) q = q.where('orders.id', '=', filter.id);
  if (filter.status) q = q.where('orders.status', '=', filter.status);
  const orders = await q.execute();
  const items: OrderItemRow[] = orders.length
    ? await db.selectFrom('order_items').selectAll().where('order_id', 'in', orders.map((o) => o.id)).execute()
    : [];
  return { orders, items };
}

/** Whether the order exists (and was changed). */
export async function updateOrder(db: Executor, id: string, changes: RowUpdate<'orders'>): Promise<boolean> {
  return (await db.updateTable('orders').set(changes).where('id', '=', id).returning('id').executeTakeFirst()) !== undefined;
}

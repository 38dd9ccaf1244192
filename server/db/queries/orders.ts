import { randomUUID } from 'node:crypto';
import type { Executor } from '../database.ts';
import type { NewRow, OrderStatus, Row, RowUpdate } from '../tables.ts';

export type OrderItemRow = Row<'order_items'>;

export interface OrderFilter {
  id?: string;
  status?: OrderStatus;
  channelId?: string;
  /** Inclusive lower bound on `created_at`. */
  from?: Date;
  /** Exclusive upper bound on `created_at`. */
  before?: Date;
  /** Part of the customer's name or phone. */
  q?: string;
  limit: number;
}

/** `%` and `_` typed by a user are literal characters, not patterns. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** Orders newest first with their contact, channel and flow names, and the items of those orders. */
export async function findOrders(db: Executor, filter: OrderFilter) {
  let q = db
    .selectFrom('orders')
    .leftJoin('contacts', 'contacts.id', 'orders.contact_id')
    .leftJoin('channels', 'channels.id', 'orders.channel_id')
    .leftJoin('flows', 'flows.id', 'orders.flow_id')
    .selectAll('orders')
    .select([
      'contacts.name as contact_name',
      'contacts.wa_id as contact_phone',
      'contacts.last_inbound_at as contact_last_inbound_at',
      'channels.name as channel_name',
      'flows.name as flow_name',
    ])
    .orderBy('orders.created_at', 'desc')
    .orderBy('orders.number', 'desc')
    .limit(filter.limit);
  if (filter.id) q = q.where('orders.id', '=', filter.id);
  if (filter.status) q = q.where('orders.status', '=', filter.status);
  if (filter.channelId) q = q.where('orders.channel_id', '=', filter.channelId);
  if (filter.from) q = q.where('orders.created_at', '>=', filter.from);
  if (filter.before) q = q.where('orders.created_at', '<', filter.before);
  if (filter.q) {
    const text = likeLiteral(filter.q);
    const digits = filter.q.replace(/\D/g, '');
    q = q.where((eb) =>
      eb.or([
        eb('contacts.name', 'ilike', `%${text}%`),
        ...(digits ? [eb('contacts.wa_id', 'like', `%${digits}%`)] : []),
      ]),
    );
  }
  const orders = await q.execute();
  const items: OrderItemRow[] = orders.length
    ? await db
        .selectFrom('order_items')
        .selectAll()
        .where(
          'order_id',
          'in',
          orders.map((o) => o.id),
        )
        .orderBy('id')
        .execute()
    : [];
  return { orders, items };
}
export type FoundOrder = Awaited<ReturnType<typeof findOrders>>['orders'][number];

/** The order's status, locked until the transaction ends, so two status changes cannot both pass the transition check. */
export async function lockOrderStatus(db: Executor, id: string): Promise<OrderStatus | undefined> {
  return (await db.selectFrom('orders').select('status').where('id', '=', id).forUpdate().executeTakeFirst())?.status;
}

/** Whether the order exists (and was changed). */
export async function updateOrder(db: Executor, id: string, changes: RowUpdate<'orders'>): Promise<boolean> {
  return (
    (await db.updateTable('orders').set(changes).where('id', '=', id).returning('id').executeTakeFirst()) !== undefined
  );
}

/** A new order's columns besides those `insertOrder` fills in (id, number, status, times). */
export type NewOrder = Omit<NewRow<'orders'>, 'id' | 'number' | 'status' | 'created_at' | 'updated_at'>;
export type NewOrderItem = Omit<NewRow<'order_items'>, 'id' | 'order_id'>;

/** Records an order in status `new` with its lines (a flow's picker or a payment block); answers its id. */
export async function insertOrder(db: Executor, order: NewOrder, items: NewOrderItem[], now: Date): Promise<string> {
  const orderId = randomUUID();
  await db
    .insertInto('orders')
    .values({ ...order, id: orderId, status: 'new', created_at: now, updated_at: now })
    .execute();
  if (items.length) {
    await db
      .insertInto('order_items')
      .values(items.map((i) => ({ ...i, id: randomUUID(), order_id: orderId })))
      .execute();
  }
  return orderId;
}

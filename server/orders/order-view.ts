import type { Order } from '../../shared/api/orders.ts';
import type { Executor } from '../db/database.ts';
import { findOrders, type OrderFilter } from '../db/queries/orders.ts';

export interface LoadedOrder {
  order: Order;
  /** Whether a message can reach the customer, and when they last wrote (the 24-hour window). */
  customer: { reachable: boolean; lastInboundAt: Date | null };
}

const iso = (d: Date | string) => new Date(d).toISOString();

/** Orders as the API shows them, newest first. */
export async function loadOrders(db: Executor, filter: OrderFilter): Promise<LoadedOrder[]> {
  const { orders, items } = await findOrders(db, filter);
  return orders.map((o) => ({
    order: {
      id: o.id,
      number: o.number,
      contactId: o.contact_id,
      contactName: o.contact_name,
      contactPhone: o.contact_phone,
      channelId: o.channel_id,
      channelName: o.channel_name,
      flowId: o.flow_id,
      flowName: o.flow_name,
      status: o.status,
      totalCents: o.total_cents,
      address: o.address,
      notes: o.notes,
      paymentMethod: o.payment_method,
      paidAt: o.paid_at ? iso(o.paid_at) : null,
      paymentReference: o.payment_reference,
      createdAt: iso(o.created_at),
      updatedAt: iso(o.updated_at),
      items: items
        .filter((i) => i.order_id === o.id)
        .map((i) => ({
          productId: i.product_id,
          name: i.name,
          unitPriceCents: i.unit_price_cents,
          quantity: i.quantity,
        })),
    },
    customer: {
      reachable: o.contact_id !== null,
      lastInboundAt: o.contact_last_inbound_at ? new Date(o.contact_last_inbound_at) : null,
    },
  }));
}

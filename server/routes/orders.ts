import { createRoute, z } from '@hono/zod-openapi';
import { orderResponse, ordersResponse, orderStatuses, updateOrderRequest } from '../../shared/api/orders.ts';
import type { Executor } from '../db/database.ts';
import { findOrders, updateOrder } from '../db/queries/orders.ts';
import type { OrderStatus, RowUpdate } from '../db/tables.ts';
import { requireRole } from '../http/auth.ts';
import { notFound } from '../http/errors.ts';
import { createRouter, json, jsonBody, updateRoute } from '../http/router.ts';

export const orderRoutes = createRouter();
orderRoutes.use('*', requireRole('editor', 'agent'));
const tags = ['orders'];
const idParam = z.object({ id: z.string().min(1).max(100) });

async function loadOrders(db: Executor, filter: { id?: string; status?: OrderStatus; limit: number }) {
  const { orders, items } = await findOrders(db, filter);
  return orders.map((o) => ({
    id: o.id, contactId: o.contact_id, contactName: o.contact_name, status: o.status, totalCents: o.total_cents,
    notes: o.notes, createdAt: new Date(o.created_at).toISOString(),
    items: items.filter((i) => i.order_id === o.id).map((i) => ({
      productId: i.product_id, name: i.name, unitPriceCents: i.unit_price_cents, quantity: i.quantity,
    })),
  }));
}

orderRoutes.openapi(
  createRoute({
    method: 'get', path: '/', tags,
    request: { query: z.object({ status: z.enum(orderStatuses).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }) },
    responses: { 200: json(ordersResponse, 'Newest orders first') },
  }),
  async (c) => {
    const { status, limit } = c.req.valid('query');
    return c.json({ orders: await loadOrders(c.var.deps.db, { status, limit }) }, 200);
  },
);

orderRoutes.openapi(
  createRoute({ method: 'get', path: '/{id}', tags, request: { params: idParam }, responses: { 200: json(orderResponse, 'One order') } }),
  async (c) => {
    const [order] = await loadOrders(c.var.deps.db, { id: c.req.valid('param').id, limit: 1 });
    if (!order) throw notFound('Pedido');
    return c.json({ order }, 200);
  },
);

updateRoute(orderRoutes,
  {
    path: '/{id}', tags, request: { params: idParam, body: jsonBody(updateOrderRequest) },
    responses: { 200: json(orderResponse, 'Updated: only the fields sent change (PUT the same as PATCH)') },
  },
  async (c) => {
    const { db, clock } = c.var.deps;
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    const changes: RowUpdate<'orders'> = { updated_at: clock.now() };
    if (b.status !== undefined) changes.status = b.status;
    if (b.notes !== undefined) changes.notes = b.notes;
    if (!(await updateOrder(db, id, changes))) throw notFound('Pedido');
    const [order] = await loadOrders(db, { id, limit: 1 });
    if (!order) throw notFound('Pedido');
    return c.json({ order }, 200);
  },
);

import { createRoute, z } from '@hono/zod-openapi';
import { orderResponse, ordersResponse, orderStatuses, updateOrderRequest } from '../../shared/api/orders.ts';
import type { Executor } from '../db/database.ts';
import type { RowUpdate } from '../db/tables.ts';
import { requireRole } from '../http/auth.ts';
import { notFound } from '../http/errors.ts';
import { createRouter, json, jsonBody, updateRoute } from '../http/router.ts';

export const orderRoutes = createRouter();
orderRoutes.use('*', requireRole('editor', 'agent'));
const tags = ['orders'];
const idParam = z.object({ id: z.string().min(1).max(100) });

async function loadOrders(db: Executor, filter: { id?: string; status?: string; limit: number }) {
  let q = db.selectFrom('orders').leftJoin('contacts', 'contacts.id', 'orders.contact_id')
    .selectAll('orders').select('contacts.name as contact_name').orderBy('orders.created_at', 'desc').limit(filter.limit);
  if (filter.id) q = q.where('orders.id', '=', filter.id);
  if (filter.status) q = q.where('orders.status', '=', filter.status as (typeof orderStatuses)[number]);
  const orders = await q.execute();
  const items = orders.length
    ? await db.selectFrom('order_items').selectAll().where('order_id', 'in', orders.map((o) => o.id)).execute()
    : [];
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
    const row = await db.updateTable('orders').set(changes).where('id', '=', id).returning('id').executeTakeFirst();
    if (!row) throw notFound('Pedido');
    const [order] = await loadOrders(db, { id, limit: 1 });
    if (!order) throw notFound('Pedido');
    return c.json({ order }, 200);
  },
);

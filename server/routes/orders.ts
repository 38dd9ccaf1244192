import { createRoute, z } from '@hono/zod-openapi';
import { emitEvent } from '../event-webhooks/emit-event.ts';
import {
  nextOrderStatuses,
  orderResponse,
  ordersFilter,
  ordersResponse,
  orderStatusWords,
  updateOrderRequest,
  updateOrderResponse,
  type OrderNotice,
  type OrdersFilter,
} from '../../shared/api/orders.ts';
import { queueOutbound } from '../conversation/queue-outbound.ts';
import type { Executor } from '../db/database.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { findContact } from '../db/queries/contacts.ts';
import { findOrderNotification, listOrderNotifications } from '../db/queries/order-notifications.ts';
import { lockOrderStatus, updateOrder, type OrderFilter } from '../db/queries/orders.ts';
import { releaseOrderStock } from '../db/queries/stock.ts';
import type { RowUpdate } from '../db/tables.ts';
import { requireRole } from '../http/auth.ts';
import { AppError, notFound } from '../http/errors.ts';
import { createRouter, json, jsonBody, updateRoute } from '../http/router.ts';
import { loadOrders, type LoadedOrder } from '../orders/order-view.ts';
import { ordersCsv } from '../orders/orders-csv.ts';
import { statusNotice } from '../orders/status-notice.ts';

/** Orders placed through the flows: everyone who serves customers follows and moves them. */
export const orderRoutes = createRouter();
orderRoutes.use('*', requireRole('editor', 'agent'));
const tags = ['orders'];
const idParam = z.object({ id: z.string().min(1).max(100) });
const DAY_MS = 24 * 60 * 60 * 1000;

/** A day filter covers its whole day; an instant is taken as is (both ends inclusive). */
function queryFilter(f: OrdersFilter, limit: number): OrderFilter {
  const isDay = (v: string) => v.length === 10;
  const from = f.from ? new Date(isDay(f.from) ? `${f.from}T00:00:00Z` : f.from) : undefined;
  const before = f.to
    ? new Date(isDay(f.to) ? Date.parse(`${f.to}T00:00:00Z`) + DAY_MS : Date.parse(f.to) + 1)
    : undefined;
  return { status: f.status, channelId: f.channelId, q: f.q || undefined, from, before, limit };
}

/** What each status the order may move to would tell its customer now. */
async function nextNotices(db: Executor, loaded: LoadedOrder, now: Date): Promise<OrderNotice[]> {
  const settings = await listOrderNotifications(db);
  return nextOrderStatuses(loaded.order.status).map(
    (status) =>
      statusNotice(
        loaded.order,
        status,
        settings.find((s) => s.status === status),
        loaded.customer,
        now,
      ).notice,
  );
}

async function requireOrder(db: Executor, id: string): Promise<LoadedOrder> {
  const [loaded] = await loadOrders(db, { id, limit: 1 });
  if (!loaded) throw notFound('Pedido');
  return loaded;
}

orderRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags,
    request: { query: ordersFilter.extend({ limit: z.coerce.number().int().min(1).max(500).default(100) }) },
    responses: { 200: json(ordersResponse, 'Newest orders first') },
  }),
  async (c) => {
    const { limit, ...filter } = c.req.valid('query');
    const loaded = await loadOrders(c.var.deps.db, queryFilter(filter, limit));
    return c.json({ orders: loaded.map((l) => l.order) }, 200);
  },
);

orderRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/export.csv',
    tags,
    request: { query: ordersFilter },
    responses: {
      200: {
        content: { 'text/csv': { schema: z.string() } },
        description: 'The filtered orders as CSV (up to 10 000, newest first); audited',
      },
    },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const filter = c.req.valid('query');
    const orders = (await loadOrders(db, queryFilter(filter, 10_000))).map((l) => l.order);
    await recordAudit(db, c.var.actor, 'orders.export', { type: 'order', id: null }, { filter, count: orders.length });
    return c.body(ordersCsv(orders), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="pedidos.csv"',
    });
  },
);

orderRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags,
    request: { params: idParam },
    responses: { 200: json(orderResponse, 'One order') },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const loaded = await requireOrder(db, c.req.valid('param').id);
    return c.json({ order: loaded.order, next: await nextNotices(db, loaded, clock.now()) }, 200);
  },
);

updateRoute(
  orderRoutes,
  {
    path: '/{id}',
    tags,
    request: { params: idParam, body: jsonBody(updateOrderRequest) },
    responses: {
      200: json(
        updateOrderResponse,
        'Updated: only the fields sent change (PUT the same as PATCH). A status change messages the customer in the same transaction, and `notice` says whether it did and why not',
      ),
      409: json(
        z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
        'The order cannot move to that status',
      ),
    },
  },
  async (c) => {
    const { db, clock } = c.var.deps;
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    const now = clock.now();
    const { loaded, notice } = await db.transaction().execute(async (tx) => {
      const from = await lockOrderStatus(tx, id);
      if (!from) throw notFound('Pedido');
      const to = b.status !== undefined && b.status !== from ? b.status : null;
      if (to && !nextOrderStatuses(from).includes(to)) {
        throw new AppError(
          409,
          'invalid_transition',
          `Um pedido ${orderStatusWords[from]} não pode passar para ${orderStatusWords[to]}.`,
        );
      }
      const changes: RowUpdate<'orders'> = { updated_at: now };
      if (to) changes.status = to;
      if (b.notes !== undefined) changes.notes = b.notes;
      await updateOrder(tx, id, changes);
      // A cancelled order gives its units back, in the same transaction as the status.
      if (to === 'cancelled') await releaseOrderStock(tx, id, now);
      const loaded = await requireOrder(tx, id);
      let notice: OrderNotice | null = null;
      if (to) {
        const decided = statusNotice(loaded.order, to, await findOrderNotification(tx, to), loaded.customer, now);
        notice = decided.notice;
        const contact =
          decided.message && loaded.order.contactId ? await findContact(tx, loaded.order.contactId) : undefined;
        if (decided.message && contact) {
          await queueOutbound(tx, {
            contact,
            message: decided.message,
            authorKind: 'operator',
            authorId: c.var.actor.userId,
            now,
          });
        }
      }
      const order = {
        orderId: id,
        contactId: loaded.order.contactId,
        status: loaded.order.status,
        previousStatus: from,
      };
      await emitEvent(tx, { type: 'order.updated', contactId: loaded.order.contactId, data: order }, now);
      await recordAudit(
        tx,
        c.var.actor,
        to ? 'orders.status' : 'orders.update',
        { type: 'order', id },
        {
          ...(to ? { from, to, notified: notice?.via ?? null, reason: notice?.reason ?? null } : {}),
          ...(b.notes !== undefined ? { notes: true } : {}),
        },
      );
      return { loaded, notice };
    });
    if (notice?.via) c.var.deps.messaging?.wakeSender();
    return c.json({ order: loaded.order, next: await nextNotices(db, loaded, now), notice }, 200);
  },
);

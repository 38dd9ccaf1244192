import { createRoute } from '@hono/zod-openapi';
import {
  orderNotificationsResponse,
  orderStatuses,
  updateOrderNotificationsRequest,
  type OrderNotification,
} from '../../shared/api/orders.ts';
import type { Executor } from '../db/database.ts';
import { recordAudit } from '../db/queries/audit.ts';
import {
  listOrderNotifications,
  updateOrderNotification,
  type OrderNotificationRow,
} from '../db/queries/order-notifications.ts';
import type { RowUpdate } from '../db/tables.ts';
import { requireRole } from '../http/auth.ts';
import { createRouter, json, jsonBody, updateRoute } from '../http/router.ts';

/** The message a customer gets when their order reaches each status; admins write them. */
export const orderNotificationRoutes = createRouter();
orderNotificationRoutes.use('*', requireRole('admin'));
const tags = ['orders'];

function toApi(r: OrderNotificationRow): OrderNotification {
  return {
    status: r.status,
    enabled: r.enabled,
    text: r.text,
    template: r.template_name
      ? { name: r.template_name, language: r.template_language, parameters: r.template_parameters }
      : null,
  };
}

/** In the order statuses go, whatever order the rows come in. */
async function allNotifications(db: Executor): Promise<OrderNotification[]> {
  const rows = await listOrderNotifications(db);
  return orderStatuses.flatMap((s) => rows.filter((r) => r.status === s).map(toApi));
}

orderNotificationRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags,
    responses: { 200: json(orderNotificationsResponse, 'One per status') },
  }),
  async (c) => c.json({ notifications: await allNotifications(c.var.deps.db) }, 200),
);

updateRoute(
  orderNotificationRoutes,
  {
    path: '/',
    tags,
    request: { body: jsonBody(updateOrderNotificationsRequest) },
    responses: {
      200: json(
        orderNotificationsResponse,
        'Only the statuses sent change, and in them only the fields sent (PUT the same as PATCH); audited',
      ),
    },
  },
  async (c) => {
    const { db, clock } = c.var.deps;
    const { notifications } = c.req.valid('json');
    const now = clock.now();
    const all = await db.transaction().execute(async (tx) => {
      for (const n of notifications) {
        const changes: RowUpdate<'order_notifications'> = { updated_at: now };
        if (n.enabled !== undefined) changes.enabled = n.enabled;
        if (n.text !== undefined) changes.text = n.text;
        if (n.template === null) changes.template_name = null;
        if (n.template) {
          changes.template_name = n.template.name;
          changes.template_language = n.template.language;
          changes.template_parameters = JSON.stringify(n.template.parameters);
        }
        await updateOrderNotification(tx, n.status, changes);
      }
      await recordAudit(
        tx,
        c.var.actor,
        'orders.notifications_update',
        { type: 'order_notification', id: null },
        {
          statuses: notifications.map((n) => n.status),
        },
      );
      return allNotifications(tx);
    });
    return c.json({ notifications: all }, 200);
  },
);

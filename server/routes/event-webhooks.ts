import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import {
  createdEventWebhook,
  createEventWebhookRequest,
  eventDeliveriesQuery,
  eventDeliveriesResponse,
  eventDeliveryResponse,
  eventWebhookResponse,
  eventWebhooksResponse,
  updateEventWebhookRequest,
  type EventType,
} from '../../shared/api/event-webhooks.ts';
import { recordAudit } from '../db/queries/audit.ts';
import {
  findEventWebhook,
  listEventDeliveries,
  listEventWebhooks,
  redeliver,
  updateEventWebhook,
  type EventWebhookListRow,
} from '../db/queries/event-webhooks.ts';
import type { Row } from '../db/tables.ts';
import { newWebhookSecret } from '../event-webhooks/sign-body.ts';
import { requireRole } from '../http/auth.ts';
import { AppError, notFound } from '../http/errors.ts';
import { createRouter, json, jsonBody, updateRoute } from '../http/router.ts';
import { changeAudited } from './audited-change.ts';

/** Outgoing event webhooks (admins): subscriptions, their delivery log, and "reenviar". */
export const eventWebhookRoutes = createRouter();
eventWebhookRoutes.use('*', requireRole('admin'));
const tags = ['event-webhooks'];

const iso = (t: Date | string | null) => (t ? new Date(t).toISOString() : null);
const view = (w: EventWebhookListRow) => ({
  id: w.id,
  url: w.url,
  description: w.description,
  events: w.events as EventType[],
  active: w.active,
  createdAt: new Date(w.created_at).toISOString(),
  pending: Number(w.pending ?? 0),
  failed: Number(w.failed ?? 0),
});
const deliveryView = (d: Row<'event_deliveries'>) => ({
  id: d.id,
  eventId: d.event_id,
  type: d.event_type,
  contactId: d.contact_id,
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: d.status === 'pending' ? iso(d.next_attempt_at) : null,
  lastAttemptAt: iso(d.last_attempt_at),
  lastStatus: d.last_status,
  lastError: d.last_error,
  deliveredAt: iso(d.delivered_at),
  createdAt: new Date(d.created_at).toISOString(),
  body: d.body,
});
const idParam = z.object({ id: z.string().min(1).max(100) });

eventWebhookRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags,
    responses: { 200: json(eventWebhooksResponse, 'Every subscription, with its pending and failed deliveries') },
  }),
  async (c) => c.json({ webhooks: (await listEventWebhooks(c.var.deps.db)).map(view) }, 200),
);

eventWebhookRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags,
    request: { body: jsonBody(createEventWebhookRequest) },
    responses: { 201: json(createdEventWebhook, 'The subscription; its signing secret is shown only now') },
  }),
  async (c) => {
    const { db, clock, secrets } = c.var.deps;
    const body = c.req.valid('json');
    const secret = newWebhookSecret();
    const id = randomUUID();
    const now = clock.now();
    const row = await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('event_webhooks')
        .values({
          id,
          url: body.url,
          description: body.description,
          events: JSON.stringify([...new Set(body.events)]),
          secret_enc: secrets.seal(secret),
          active: body.active,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await recordAudit(tx, c.var.actor, 'event_webhook.create', { type: 'event_webhook', id }, { url: body.url });
      return findEventWebhook(tx, id);
    });
    if (!row) throw notFound('Webhook');
    return c.json({ webhook: view(row), secret }, 201);
  },
);

updateRoute(
  eventWebhookRoutes,
  {
    path: '/{id}',
    tags,
    request: { params: idParam, body: jsonBody(updateEventWebhookRequest) },
    responses: { 200: json(eventWebhookResponse, 'The changed subscription') },
  },
  async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const now = c.var.deps.clock.now();
    const row = await changeAudited(c, {
      resource: 'Webhook',
      action: 'event_webhook.update',
      target: { type: 'event_webhook', id },
      details: { fields: Object.keys(body) },
      change: async (tx) => {
        const changed = await updateEventWebhook(
          tx,
          id,
          { ...body, events: body.events ? [...new Set(body.events)] : undefined },
          now,
        );
        return changed ? findEventWebhook(tx, id) : undefined;
      },
    });
    return c.json({ webhook: view(row) }, 200);
  },
);

eventWebhookRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/{id}',
    tags,
    request: { params: idParam },
    responses: { 204: { description: 'Deleted, with its delivery log and whatever it had still to send' } },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    await changeAudited(c, {
      resource: 'Webhook',
      action: 'event_webhook.delete',
      target: { type: 'event_webhook', id },
      change: (tx) =>
        tx
          .deleteFrom('event_webhooks')
          .where('id', '=', id)
          .where('kind', '=', 'http')
          .returning('id')
          .executeTakeFirst(),
    });
    return c.body(null, 204);
  },
);

eventWebhookRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/deliveries',
    tags,
    request: { params: idParam, query: eventDeliveriesQuery },
    responses: { 200: json(eventDeliveriesResponse, 'The delivery log, newest first') },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    const { db } = c.var.deps;
    if (!(await findEventWebhook(db, id))) throw notFound('Webhook');
    const rows = await listEventDeliveries(db, id, query);
    return c.json({ deliveries: rows.map(deliveryView) }, 200);
  },
);

eventWebhookRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/deliveries/{deliveryId}/redeliver',
    tags,
    request: { params: idParam.extend({ deliveryId: z.string().min(1).max(100) }) },
    responses: { 200: json(eventDeliveryResponse, 'Queued to be sent again, with the same event id and body') },
  }),
  async (c) => {
    const { id, deliveryId } = c.req.valid('param');
    const now = c.var.deps.clock.now();
    const row = await changeAudited(c, {
      resource: 'Entrega',
      action: 'event_webhook.redeliver',
      target: { type: 'event_delivery', id: deliveryId },
      change: async (tx) => {
        if (!(await listEventDeliveries(tx, id, { id: deliveryId, limit: 1 })).length) return undefined;
        if (!(await redeliver(tx, id, deliveryId, now))) {
          throw new AppError(
            409,
            'delivery_in_flight',
            'Esta entrega está sendo enviada agora; tente de novo em instantes.',
          );
        }
        return (await listEventDeliveries(tx, id, { id: deliveryId, limit: 1 }))[0];
      },
    });
    return c.json({ delivery: deliveryView(row) }, 200);
  },
);

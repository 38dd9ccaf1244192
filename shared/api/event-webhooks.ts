import { z } from 'zod';
import { updateRequestOf } from './common.ts';

/** What an outgoing event webhook may subscribe to; each delivery's `type` is one of these. */
export const eventTypes = [
  'message.received',
  'message.sent',
  'message.status',
  'conversation.started',
  'handoff.opened',
  'handoff.assigned',
  'handoff.resolved',
  'order.created',
  'order.updated',
  'contact.opted_out',
  'campaign.finished',
] as const;
export const eventType = z.enum(eventTypes);
export type EventType = z.infer<typeof eventType>;

/** The header carrying `sha256=<hex HMAC-SHA256(secret, raw body)>` on every delivery. */
export const signatureHeader = 'X-Fluxo-Signature-256';

/** The JSON every delivery carries: `data` depends on `type` (see the README). */
export const eventBody = z.object({
  id: z.string(),
  type: eventType,
  createdAt: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type EventBody = z.infer<typeof eventBody>;

const webhookUrl = z.url({ protocol: /^https?$/, message: 'informe uma URL http(s)' }).max(2000);

export const createEventWebhookRequest = z.object({
  url: webhookUrl,
  description: z.string().trim().max(200).default(''),
  events: z.array(eventType).min(1, 'escolha pelo menos um evento').max(eventTypes.length),
  active: z.boolean().default(true),
});
export const updateEventWebhookRequest = updateRequestOf(createEventWebhookRequest);

export const eventWebhook = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  events: z.array(eventType),
  active: z.boolean(),
  createdAt: z.string(),
  /** Deliveries not yet delivered nor given up on. */
  pending: z.number(),
  /** Deliveries given up on after every retry (each can be sent again). */
  failed: z.number(),
});
export type EventWebhook = z.infer<typeof eventWebhook>;

export const eventWebhooksResponse = z.object({ webhooks: z.array(eventWebhook) });
export const eventWebhookResponse = z.object({ webhook: eventWebhook });
/** The signing secret is shown once, at creation. */
export const createdEventWebhook = z.object({ webhook: eventWebhook, secret: z.string() });

export const eventDeliveryStatuses = ['pending', 'delivered', 'failed'] as const;
export const eventDelivery = z.object({
  id: z.string(),
  eventId: z.string(),
  type: z.string(),
  contactId: z.string().nullable(),
  status: z.enum(eventDeliveryStatuses),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  /** The receiver's HTTP status at the last attempt; null when it could not be reached. */
  lastStatus: z.number().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
  /** The exact JSON sent (and signed). */
  body: z.string(),
});
export type EventDelivery = z.infer<typeof eventDelivery>;
export const eventDeliveriesResponse = z.object({ deliveries: z.array(eventDelivery) });
export const eventDeliveriesQuery = z.object({
  status: z.enum(eventDeliveryStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const eventDeliveryResponse = z.object({ delivery: eventDelivery });

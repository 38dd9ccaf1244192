import type { z } from 'zod';
import type { chatwootSettingsResponse, updateChatwootRequest } from '../../shared/api/chatwoot.ts';
import type {
  createdEventWebhook,
  createEventWebhookRequest,
  eventDeliveriesResponse,
  eventDeliveryResponse,
  eventWebhookResponse,
  eventWebhooksResponse,
  updateEventWebhookRequest,
} from '../../shared/api/event-webhooks.ts';
import { request } from './http.ts';

/** The Integrações routes (event webhooks, Chatwoot), typed from the shared schemas like client.ts. */
type In<T extends z.ZodType> = z.input<T>;
type Out<T extends z.ZodType> = z.output<T>;
const hookPath = (id: string) => `/api/event-webhooks/${encodeURIComponent(id)}`;

export const integrationsApi = {
  listEventWebhooks: () => request<Out<typeof eventWebhooksResponse>>('GET', '/api/event-webhooks'),
  createEventWebhook: (body: In<typeof createEventWebhookRequest>) =>
    request<Out<typeof createdEventWebhook>>('POST', '/api/event-webhooks', body),
  updateEventWebhook: (id: string, body: In<typeof updateEventWebhookRequest>) =>
    request<Out<typeof eventWebhookResponse>>('PATCH', hookPath(id), body),
  deleteEventWebhook: (id: string) => request<unknown>('DELETE', hookPath(id)),
  listDeliveries: (id: string) =>
    request<Out<typeof eventDeliveriesResponse>>('GET', `${hookPath(id)}/deliveries?limit=50`),
  redeliver: (id: string, deliveryId: string) =>
    request<Out<typeof eventDeliveryResponse>>(
      'POST',
      `${hookPath(id)}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`,
      {},
    ),
  getChatwoot: () => request<Out<typeof chatwootSettingsResponse>>('GET', '/api/integrations/chatwoot'),
  updateChatwoot: (body: In<typeof updateChatwootRequest>) =>
    request<Out<typeof chatwootSettingsResponse>>('PATCH', '/api/integrations/chatwoot', body),
};

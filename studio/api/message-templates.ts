import type { MessageTemplateView, SyncTemplatesResult } from '../../shared/api/message-templates.ts';
import { request } from './http.ts';

/** Meta's templates (Modelos): apart from client.ts so the page stays its own chunk. */
export const messageTemplatesApi = {
  list: () => request<{ templates: MessageTemplateView[] }>('GET', '/api/message-templates'),
  sync: (channelId?: string) =>
    request<SyncTemplatesResult>('POST', '/api/message-templates/sync', channelId ? { channelId } : {}),
};

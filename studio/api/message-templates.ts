import type { MessageTemplateView, SyncTemplatesResult } from '../../shared/api/message-templates.ts';
import type { TemplateDraftInput } from '../../shared/message-templates/draft.ts';
import { request } from './http.ts';

/** Meta's templates (Modelos): apart from client.ts so the page stays its own chunk. */
export const messageTemplatesApi = {
  list: () => request<{ templates: MessageTemplateView[] }>('GET', '/api/message-templates'),
  sync: (channelId?: string) =>
    request<SyncTemplatesResult>('POST', '/api/message-templates/sync', channelId ? { channelId } : {}),
  /** Submits a new template to Meta; it comes back PENDING. */
  create: (draft: TemplateDraftInput) =>
    request<{ template: MessageTemplateView }>('POST', '/api/message-templates', draft),
};

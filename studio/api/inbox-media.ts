import type { HandoffTemplate } from '../../shared/api/handoffs.ts';
import type { UploadedMediaView } from '../../shared/api/media.ts';
import { request } from './http.ts';

/** Files and templates an agent sends from the reply box. */
export const inboxMediaApi = {
  upload: (file: File) => {
    const form = new FormData();
    form.set('file', file, file.name);
    return request<{ media: UploadedMediaView }>('POST', '/api/media', form);
  },
  templates: (handoffId: string) =>
    request<{ templates: HandoffTemplate[] }>('GET', `/api/handoffs/${encodeURIComponent(handoffId)}/templates`),
};

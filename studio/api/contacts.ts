import type { z } from 'zod';
import type {
  contactFieldsResponse,
  contactResponse,
  contactsResponse,
  contactTagsResponse,
  createContactFieldRequest,
  importContactsRequest,
  importContactsResponse,
  updateContactRequest,
} from '../../shared/api/contacts.ts';
import { request } from './http.ts';

/** The contacts page's routes (kept apart from client.ts, which every page edits). */
type In<T extends z.ZodType> = z.input<T>;
type Out<T extends z.ZodType> = z.output<T>;

export interface ContactFilters {
  q?: string;
  tag?: string;
  optedOut?: boolean;
  flowId?: string;
}

const enc = encodeURIComponent;

/** `?q=…&tag=…` with only the filters set; the same query lists and exports. */
export function contactsQueryString(f: ContactFilters, page?: { offset: number; limit: number }): string {
  const params = new URLSearchParams();
  if (f.q) params.set('q', f.q);
  if (f.tag) params.set('tag', f.tag);
  if (f.optedOut !== undefined) params.set('optedOut', String(f.optedOut));
  if (f.flowId) params.set('flowId', f.flowId);
  if (page) {
    params.set('offset', String(page.offset));
    params.set('limit', String(page.limit));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const contactsApi = {
  list: (f: ContactFilters, page: { offset: number; limit: number }) =>
    request<Out<typeof contactsResponse>>('GET', `/api/contacts${contactsQueryString(f, page)}`),
  get: (id: string) => request<Out<typeof contactResponse>>('GET', `/api/contacts/${enc(id)}`),
  tags: () => request<Out<typeof contactTagsResponse>>('GET', '/api/contacts/tags'),
  update: (id: string, body: In<typeof updateContactRequest>) =>
    request<Out<typeof contactResponse>>('PATCH', `/api/contacts/${enc(id)}`, body),
  erase: (id: string) => request<unknown>('DELETE', `/api/contacts/${enc(id)}`),
  import: (body: In<typeof importContactsRequest>) =>
    request<Out<typeof importContactsResponse>>('POST', '/api/contacts/import', body),
  /** Downloads are plain links (the session cookie goes along): these build their addresses. */
  exportCsvUrl: (f: ContactFilters) => `/api/contacts/export.csv${contactsQueryString(f)}`,
  lgpdExportUrl: (id: string) => `/api/contacts/${enc(id)}/export`,
  fields: () => request<Out<typeof contactFieldsResponse>>('GET', '/api/contact-fields'),
  markField: (body: In<typeof createContactFieldRequest>) => request<unknown>('POST', '/api/contact-fields', body),
  unmarkField: (name: string) => request<unknown>('DELETE', `/api/contact-fields/${enc(name)}`),
};
export type Contact = Out<typeof contactsResponse>['contacts'][number];
export type ImportReport = Out<typeof importContactsResponse>;

import type { z } from 'zod';
import type { metaCatalogLinkResponse, metaCatalogSyncResponse } from '../../shared/api/meta-catalog.ts';
import { request } from './http.ts';

type Out<T extends z.ZodType> = z.output<T>;
const path = (catalogId: string) => `/api/catalogs/${encodeURIComponent(catalogId)}/meta`;

/** A catalog's link to a Meta commerce catalog and its sync. */
export const metaCatalogApi = {
  get: (catalogId: string) => request<Out<typeof metaCatalogLinkResponse>>('GET', path(catalogId)),
  save: (
    catalogId: string,
    body: { metaCatalogId: string; brand: string | null; websiteUrl: string | null; autoSync: boolean },
  ) => request<Out<typeof metaCatalogLinkResponse>>('PUT', path(catalogId), body),
  unlink: (catalogId: string) => request<null>('DELETE', path(catalogId)),
  sync: (catalogId: string) => request<Out<typeof metaCatalogSyncResponse>>('POST', `${path(catalogId)}/sync`),
};
export type MetaLink = NonNullable<Out<typeof metaCatalogLinkResponse>['link']>;

import type { z } from 'zod';
import type {
  catalogItemResponse,
  catalogResponse,
  catalogsResponse,
  importCatalogResponse,
  photoResponse,
} from '../../shared/api/catalog.ts';
import { request } from './http.ts';

type Out<T extends z.ZodType> = z.output<T>;
const enc = encodeURIComponent;
const catalogPath = (id: string) => `/api/catalogs/${enc(id)}`;

/** The Catálogo page's calls: catalogs, one catalog's products, photos and CSV. */
export const catalogApi = {
  list: () => request<Out<typeof catalogsResponse>>('GET', '/api/catalogs'),
  create: (name: string) => request<Out<typeof catalogItemResponse>>('POST', '/api/catalogs', { name }),
  rename: (id: string, name: string) => request<Out<typeof catalogItemResponse>>('PATCH', catalogPath(id), { name }),
  remove: (id: string) => request<null>('DELETE', catalogPath(id)),
  products: (catalogId: string) =>
    request<Out<typeof catalogResponse>>('GET', `/api/products?catalogId=${enc(catalogId)}`),
  uploadPhoto: (productId: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<Out<typeof photoResponse>>('POST', `/api/products/${enc(productId)}/photos`, form);
  },
  deletePhoto: (productId: string, photoId: string) =>
    request<null>('DELETE', `/api/products/${enc(productId)}/photos/${enc(photoId)}`),
  reorderPhotos: (productId: string, photoIds: string[]) =>
    request<null>('PUT', `/api/products/${enc(productId)}/photos/order`, { photoIds }),
  /** A link the browser downloads (GET with the session cookie). */
  exportUrl: (id: string) => `${catalogPath(id)}/export.csv`,
  importCsv: (id: string, csv: string) =>
    request<Out<typeof importCatalogResponse>>('POST', `${catalogPath(id)}/import`, { csv }),
};

export type CatalogSummary = Out<typeof catalogsResponse>['catalogs'][number];
export type ImportReport = Out<typeof importCatalogResponse>;

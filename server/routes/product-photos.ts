import { createRoute, z } from '@hono/zod-openapi';
import { photoResponse, reorderPhotosRequest } from '../../shared/api/catalog.ts';
import { databasePhotoStore } from '../catalog/photo-store.ts';
import { photoUrl } from '../catalog/photo-url.ts';
import { resizePhoto } from '../catalog/resize-photo.ts';
import { findProduct } from '../db/queries/catalog.ts';
import { requireRole } from '../http/auth.ts';
import { AppError, notFound } from '../http/errors.ts';
import { publicBaseUrl } from '../http/public-url.ts';
import { createRouter, json, jsonBody } from '../http/router.ts';
import { markProductCatalogDue } from '../meta-catalog/mark-due.ts';

/** `/api/products/{id}/photos`: several photos per product, uploaded from the studio. */
export const productPhotoRoutes = createRouter();
productPhotoRoutes.use('*', requireRole('editor'));
const tags = ['catalog'];

productPhotoRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/photos',
    tags,
    description:
      'Upload one photo as `multipart/form-data` with the field `file` (JPEG, PNG, WebP; up to 5 MB). It is ' +
      'turned upright, resized to at most 1200 px and stored as JPEG; its URL is public and unguessable, so ' +
      'WhatsApp can download it for the product card.',
    request: { params: z.object({ id: z.string().min(1).max(100) }) },
    responses: {
      201: json(photoResponse, 'Stored; the first photo is the one the bot sends'),
      400: { description: '`missing_file` or `invalid_image`' },
    },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const { id } = c.req.valid('param');
    if (!(await findProduct(db, id))) throw notFound('Produto');
    const type = c.req.header('content-type') ?? '';
    if (!type.startsWith('multipart/form-data'))
      throw new AppError(400, 'missing_file', 'Envie a foto como multipart/form-data, no campo "file".');
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File) || file.size === 0)
      throw new AppError(400, 'missing_file', 'Envie a foto como multipart/form-data, no campo "file".');
    const resized = await resizePhoto(new Uint8Array(await file.arrayBuffer()));
    const stored = await db.transaction().execute(async (tx) => {
      const stored = await databasePhotoStore.save(tx, { productId: id, ...resized });
      await markProductCatalogDue(tx, id, c.var.deps.clock.now());
      return stored;
    });
    const url = photoUrl(publicBaseUrl(c), stored.token);
    return c.json({ photo: { id: stored.id, url, width: stored.width, height: stored.height } }, 201);
  },
);

productPhotoRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/{id}/photos/{photoId}',
    tags,
    request: { params: z.object({ id: z.string().min(1).max(100), photoId: z.string().min(1).max(100) }) },
    responses: { 204: { description: 'Deleted; its URL stops working' } },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const { id, photoId } = c.req.valid('param');
    const removed = await db.transaction().execute(async (tx) => {
      const removed = await databasePhotoStore.remove(tx, id, photoId);
      if (removed) await markProductCatalogDue(tx, id, clock.now());
      return removed;
    });
    if (!removed) throw notFound('Foto');
    return c.body(null, 204);
  },
);

productPhotoRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/{id}/photos/order',
    tags,
    request: { params: z.object({ id: z.string().min(1).max(100) }), body: jsonBody(reorderPhotosRequest) },
    responses: {
      204: { description: 'Reordered; the first photo is the one the bot sends' },
      400: { description: "`invalid_order`: the ids are not exactly the product's photos" },
    },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const { id } = c.req.valid('param');
    const { photoIds } = c.req.valid('json');
    if (!(await findProduct(db, id))) throw notFound('Produto');
    const done = await db.transaction().execute(async (tx) => {
      const done = await databasePhotoStore.reorder(tx, id, photoIds);
      if (done) await markProductCatalogDue(tx, id, c.var.deps.clock.now());
      return done;
    });
    if (!done) throw new AppError(400, 'invalid_order', 'Envie todas as fotos do produto, cada uma uma vez.');
    return c.body(null, 204);
  },
);

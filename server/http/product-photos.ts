import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { databasePhotoStore } from '../catalog/photo-store.ts';
import { errorBody } from './errors.ts';

/**
 * Product photos at `/photos/<token>.jpg`. Public on purpose: Meta downloads the picture of a
 * product card from its link without our credentials; the token is unguessable. A token's bytes
 * never change (a new upload gets a new token), so caches may keep them for good.
 */
export const productPhotoFiles = new Hono<AppEnv>();

productPhotoFiles.get('/photos/:file', async (c) => {
  const token = /^([\w-]{20,64})\.jpg$/.exec(c.req.param('file'))?.[1];
  const etag = `"${token}"`;
  if (token && c.req.header('if-none-match') === etag) return c.body(null, 304);
  const photo = token ? await databasePhotoStore.read(c.var.deps.db, token) : null;
  if (!photo) return c.json(errorBody('not_found', 'Foto não encontrada.'), 404);
  c.header('Content-Type', photo.mimeType);
  c.header('Cache-Control', 'public, max-age=31536000, immutable');
  c.header('ETag', etag);
  return c.body(new Uint8Array(photo.bytes), 200);
});

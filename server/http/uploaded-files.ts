import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { readUploadByToken } from '../db/queries/media-files.ts';
import { errorBody } from './errors.ts';

/**
 * Agents' uploads at `/files/<token>/<name>`. Public on purpose, like product photos: Meta
 * downloads a sent image or document from its link without our credentials; the token is
 * unguessable and the name is only for show. An upload's bytes never change.
 */
export const uploadedFiles = new Hono<AppEnv>();

uploadedFiles.get('/files/:token/:name?', async (c) => {
  const token = c.req.param('token');
  const file = /^[\w-]{20,64}$/.test(token) ? await readUploadByToken(c.var.deps.db, token) : undefined;
  if (!file?.bytes) return c.json(errorBody('not_found', 'Arquivo não encontrado.'), 404);
  const etag = `"${file.sha256 ?? token}"`;
  if (c.req.header('if-none-match') === etag) return c.body(null, 304);
  const name = file.file_name ?? 'arquivo';
  c.header('Content-Type', file.mime_type ?? 'application/octet-stream');
  c.header('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(name)}`);
  c.header('Cache-Control', 'public, max-age=31536000, immutable');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('ETag', etag);
  return c.body(new Uint8Array(file.bytes), 200);
});

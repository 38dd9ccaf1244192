import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { sampleImageFile } from '../../shared/templates/sample-data.ts';
import type { AppEnv } from '../context.ts';
import { errorBody } from './errors.ts';

const dir = fileURLToPath(new URL('../../shared/templates/sample-images/', import.meta.url));

/**
 * The pictures of the starter templates' sample products, at `/samples/<file>`. Public on
 * purpose: Meta downloads a product's picture from its URL without our credentials, and
 * these are the same files for every installation. Only names of the sample pattern are
 * read, so no path reaches outside the folder.
 */
export const sampleImageRoutes = new Hono<AppEnv>();

sampleImageRoutes.get('/samples/:file', async (c) => {
  const file = c.req.param('file');
  const bytes = sampleImageFile.test(file) ? await readFile(dir + file).catch(() => null) : null;
  if (!bytes) return c.json(errorBody('not_found', `Imagem de exemplo "${file}" não existe.`), 404);
  c.header('Content-Type', 'image/png');
  c.header('Cache-Control', 'public, max-age=86400');
  return c.body(new Uint8Array(bytes), 200);
});

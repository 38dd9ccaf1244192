import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';

/** Serves the built studio; unknown paths get index.html so the studio's own router takes over. */
export function studioRoutes(dir: string) {
  const app = new Hono<AppEnv>();
  const root = relative(process.cwd(), resolve(dir)) || '.';
  const indexPath = join(dir, 'index.html');
  app.use('/assets/*', async (c, next) => {
    await next();
    // Built asset names carry a content hash, so they can be cached for good.
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('*', serveStatic({ root }));
  app.get('*', (c) => {
    if (!existsSync(indexPath)) {
      return c.text('Studio not built yet: run `npm run build` (npm start builds it automatically).', 503);
    }
    c.header('Cache-Control', 'no-cache');
    return c.html(readFileSync(indexPath, 'utf8'));
  });
  return app;
}

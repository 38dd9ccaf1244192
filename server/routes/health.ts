import { sql } from 'kysely';
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';

/** Liveness says the process answers; readiness says it can reach its database. */
export const healthRoutes = new Hono<AppEnv>();

healthRoutes.get('/healthz', (c) => c.json({ status: 'ok' }));

healthRoutes.get('/readyz', async (c) => {
  try {
    await sql`select 1`.execute(c.var.deps.db);
    // Redis down is reported but keeps the instance ready: it still sends without Redis, and
    // since every instance shares one Redis, a 503 here would take them all out at once.
    const redis = c.var.deps.messaging?.redisHealth?.();
    return c.json({ status: 'ready', ...(redis && { redis }) });
  } catch (err) {
    c.var.deps.logger.warn('readiness check failed', { err });
    return c.json({ status: 'unavailable', error: { code: 'database_unavailable', message: 'Banco de dados indisponível.' } }, 503);
  }
});

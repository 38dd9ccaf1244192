import { sql } from 'kysely';
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';

/** Liveness says the process answers; readiness says it can reach its database. */
export const healthRoutes = new Hono<AppEnv>();

/**
 * A load balancer's probe times out (often after 1 s) and then counts as "not ready" anyway,
 * but a probe left hanging holds a connection and says nothing: with the database gone (or
 * every pool connection stuck waiting on it) we answer 503 ourselves, in time.
 */
export const readinessTimeoutMs = 800;

healthRoutes.get('/healthz', (c) => c.json({ status: 'ok' }));

healthRoutes.get('/readyz', async (c) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`database did not answer within ${readinessTimeoutMs} ms`)),
      readinessTimeoutMs,
    );
  });
  const probe = sql`select 1`.execute(c.var.deps.db);
  // The probe may still fail after we gave up on it: that is expected, not unhandled.
  probe.catch(() => undefined);
  try {
    await Promise.race([probe, timedOut]);
    // Redis down is reported but keeps the instance ready: it still sends without Redis, and
    // since every instance shares one Redis, a 503 here would take them all out at once.
    const redis = c.var.deps.messaging?.redisHealth?.();
    return c.json({ status: 'ready', ...(redis && { redis }) });
  } catch (err) {
    c.var.deps.logger.warn('readiness check failed', { err });
    return c.json(
      { status: 'unavailable', error: { code: 'database_unavailable', message: 'Banco de dados indisponível.' } },
      503,
    );
  } finally {
    clearTimeout(timer);
  }
});

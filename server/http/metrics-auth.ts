import { createHash, timingSafeEqual } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.ts';
import { AppError } from './errors.ts';

/** Equal-length digests, so the comparison takes the same time whatever the guess. */
const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * `/metrics` tells how busy the business is (messages, contacts, handoffs): it is served only
 * to `Authorization: Bearer <METRICS_TOKEN>`. Without METRICS_TOKEN it is off (404): guessing
 * "local" from the socket address would expose it through any reverse proxy on the same host.
 */
export const requireMetricsToken = createMiddleware<AppEnv>(async (c, next) => {
  const expected = c.var.deps.config.metricsToken;
  if (!expected) {
    throw new AppError(
      404,
      'metrics_disabled',
      'Métricas desligadas: defina METRICS_TOKEN e envie Authorization: Bearer <token>.',
    );
  }
  const sent = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!sent || !timingSafeEqual(digest(sent), digest(expected))) {
    c.header('WWW-Authenticate', 'Bearer realm="metrics"');
    throw new AppError(401, 'unauthenticated', 'Envie Authorization: Bearer <METRICS_TOKEN> para ler as métricas.');
  }
  await next();
});

import type { MiddlewareHandler } from 'hono';
import { webhookAnswerSeconds } from './registry.ts';

/** Observes how long Meta waited for each webhook answer (Meta retries slow ones). */
export const timeWebhookAnswers: MiddlewareHandler = async (c, next) => {
  const started = performance.now();
  await next();
  webhookAnswerSeconds.observe({ status: String(c.res.status) }, (performance.now() - started) / 1000);
};

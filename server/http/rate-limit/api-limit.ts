import type { Context } from 'hono';
import type { Actor, AppEnv } from '../../context.ts';
import { hitOrNull, tooMany } from './too-many.ts';

const minuteMs = 60_000;

/**
 * Counts an authenticated API call against its caller's budget per minute: each token its own
 * (`FLUXO_RATE_LIMIT_API`), each logged-in user theirs (`FLUXO_RATE_LIMIT_SESSION`, higher: the
 * studio autosaves, polls the inbox and simulates on the user's behalf, from several tabs).
 * Sends `RateLimit-Limit`/`RateLimit-Remaining` so scripts can pace themselves.
 */
export async function enforceApiLimit(c: Context<AppEnv>, actor: Actor): Promise<void> {
  const { config, hitCounter } = c.var.deps;
  const limit = actor.kind === 'token' ? config.rateLimits.apiPerMinute : config.rateLimits.sessionPerMinute;
  if (limit <= 0 || !hitCounter) return;
  const hits = await hitOrNull(c, hitCounter, `api:${actor.kind}:${actor.id}`, minuteMs);
  if (!hits) return;
  c.header('RateLimit-Limit', String(limit));
  c.header('RateLimit-Remaining', String(Math.max(0, limit - hits.count)));
  if (hits.count > limit) throw tooMany(c, hits.resetMs, `Limite de ${limit} requisições por minuto atingido.`);
}

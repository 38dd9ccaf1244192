import type { Context } from 'hono';
import type { AppEnv } from '../../context.ts';
import { AppError } from '../errors.ts';
import type { HitCounter, Hits } from './hit-counter.ts';

/**
 * 429 with `Retry-After` (whole seconds, at least 1), a message saying when to try again, and the
 * seconds in `details.retryAfterSeconds` for clients that word it themselves (the studio, in English).
 */
export function tooMany(c: Context<AppEnv>, resetMs: number, message: string): AppError {
  const seconds = Math.max(1, Math.ceil(resetMs / 1000));
  c.header('Retry-After', String(seconds));
  return new AppError(429, 'rate_limited', `${message} Tente de novo em ${seconds} s.`, { retryAfterSeconds: seconds });
}

/**
 * A hit, or null when the counter is unreachable (Redis down): the limits then let requests
 * through rather than take the whole API down with the cache; the warning says why.
 */
export async function hitOrNull(
  c: Context<AppEnv>,
  counter: HitCounter,
  key: string,
  windowMs: number,
): Promise<Hits | null> {
  try {
    return await counter.hit(key, windowMs);
  } catch (err) {
    // Once a minute per counter at most: during an outage every request comes through here.
    const now = c.var.deps.clock.now().getTime();
    if (now - (lastWarned.get(counter) ?? -Infinity) >= 60_000) {
      lastWarned.set(counter, now);
      c.var.deps.logger.warn('rate limit counter unavailable; request let through', { err });
    }
    return null;
  }
}

const lastWarned = new WeakMap<HitCounter, number>();

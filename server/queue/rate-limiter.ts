import type { Redis } from 'ioredis';

/** Meta's default throughput per business number; higher tiers can raise it in config. */
export const defaultMessagesPerSecond = 80;

export interface RateLimiter {
  /** Resolves when one more request for this number may go out. */
  take(key: string): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One process: a token bucket per number. */
export function createLocalRateLimiter(perSecond = defaultMessagesPerSecond, now = () => Date.now()): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    async take(key) {
      for (;;) {
        const t = now();
        const b = buckets.get(key) ?? { tokens: perSecond, at: t };
        b.tokens = Math.min(perSecond, b.tokens + ((t - b.at) / 1000) * perSecond);
        b.at = t;
        buckets.set(key, b);
        if (b.tokens >= 1) {
          b.tokens -= 1;
          return;
        }
        await sleep(Math.ceil(((1 - b.tokens) / perSecond) * 1000));
      }
    },
  };
}

/**
 * Several instances: a fixed one-second window counted in Redis, so all of them together
 * stay under the number's limit.
 */
export function createRedisRateLimiter(redis: Redis, perSecond = defaultMessagesPerSecond, now = () => Date.now()): RateLimiter {
  return {
    async take(key) {
      for (;;) {
        const second = Math.floor(now() / 1000);
        const slot = `fluxo:rate:${key}:${second}`;
        const [[, count]] = (await redis.multi().incr(slot).expire(slot, 2).exec()) as [[unknown, number]];
        if (count <= perSecond) return;
        await sleep(1000 - (now() % 1000) + 1);
      }
    },
  };
}

import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalRateLimiter, createRedisRateLimiter } from './rate-limiter.ts';

// The machine's Redis (CI starts it); the embedded suite uses it only here.
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
afterAll(() => { redis.disconnect(); });

/** A clock the test moves; the limiters' sleeps still take real (short) time. */
function clockAt(start: number) {
  let t = start;
  return { now: () => t, set: (ms: number) => { t = ms; } };
}

describe('Redis rate limiter', () => {
  it('lets exactly the limit through in one second across two instances, batching waiters', async () => {
    const key = `test-${randomUUID()}`;
    // Mid-second, so the window does not roll over while the test runs.
    const clock = clockAt(Math.floor(Date.now() / 1000) * 1000 + 500);
    const a = createRedisRateLimiter(redis, 10, clock.now);
    const b = createRedisRateLimiter(redis, 10, clock.now);
    let passed = 0;
    const takes = [...Array.from({ length: 8 }, () => a.take(key)), ...Array.from({ length: 8 }, () => b.take(key))]
      .map((p) => p.then(() => { passed += 1; }));
    await new Promise((r) => setTimeout(r, 100));
    expect(passed).toBe(10);
    // The window is counted in Redis: 10 taken, by at most a few INCRBYs.
    const second = Math.floor(clock.now() / 1000);
    expect(Number(await redis.get(`fluxo:rate:${key}:${second}`))).toBeGreaterThanOrEqual(10);
    // The next second lets the rest through.
    clock.set((second + 1) * 1000 + 10);
    await Promise.race([Promise.all(takes), new Promise((r) => setTimeout(r, 3000))]);
    expect(passed).toBe(16);
  });

  it('fails the waiting sends when Redis is unreachable, instead of sending past the limit', async () => {
    const down = new Redis('redis://127.0.0.1:1', { maxRetriesPerRequest: 0, lazyConnect: true, retryStrategy: () => null });
    down.on('error', () => undefined);
    const limiter = createRedisRateLimiter(down, 10);
    await expect(limiter.take('any')).rejects.toThrow();
    down.disconnect();
  });
});

describe('local rate limiter', () => {
  it('passes a burst up to the bucket size, then paces', async () => {
    let t = 0;
    const limiter = createLocalRateLimiter(5, () => t);
    let passed = 0;
    const takes = Array.from({ length: 7 }, () => limiter.take('n').then(() => { passed += 1; }));
    await new Promise((r) => setTimeout(r, 20));
    expect(passed).toBe(5);
    t = 1000;
    await Promise.race([Promise.all(takes), new Promise((r) => setTimeout(r, 1000))]);
    expect(passed).toBe(7);
  });
});

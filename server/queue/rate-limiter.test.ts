import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalRateLimiter, createRedisRateLimiter } from './rate-limiter.ts';

// The machine's Redis (CI starts it); the embedded suite uses it only here.
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
afterAll(() => {
  redis.disconnect();
});

/** A clock the test moves; the limiters' sleeps still take real (short) time. */
function clockAt(start: number) {
  let t = start;
  return {
    now: () => t,
    set: (ms: number) => {
      t = ms;
    },
  };
}

describe('Redis rate limiter', () => {
  it('lets exactly the limit through in one second across two instances, batching waiters', async () => {
    const key = `test-${randomUUID()}`;
    // Mid-second, so the window does not roll over while the test runs.
    const clock = clockAt(Math.floor(Date.now() / 1000) * 1000 + 500);
    const a = createRedisRateLimiter(redis, 10, clock.now);
    const b = createRedisRateLimiter(redis, 10, clock.now);
    let passed = 0;
    const takes = [
      ...Array.from({ length: 8 }, () => a.take(key)),
      ...Array.from({ length: 8 }, () => b.take(key)),
    ].map((p) =>
      p.then(() => {
        passed += 1;
      }),
    );
    // The clock stands still, so no more than 10 can ever pass in this second.
    await expect.poll(() => passed).toBe(10);
    // The window is counted in Redis: 10 taken, by at most a few INCRBYs.
    const second = Math.floor(clock.now() / 1000);
    expect(Number(await redis.get(`fluxo:rate:${key}:${second}`))).toBeGreaterThanOrEqual(10);
    // The next second lets the rest through.
    clock.set((second + 1) * 1000 + 10);
    await expect.poll(() => passed, { timeout: 3000 }).toBe(16);
    await Promise.all(takes);
  });

  it('paces locally instead of failing when Redis is unreachable, and says it is degraded', async () => {
    const down = new Redis('redis://127.0.0.1:1', {
      maxRetriesPerRequest: 0,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    down.on('error', () => undefined);
    let t = 0;
    const limiter = createRedisRateLimiter(down, 3, () => t);
    let passed = 0;
    const takes = Array.from({ length: 5 }, () =>
      limiter.take('any').then(() => {
        passed += 1;
      }),
    );
    // Still one number's limit, counted here: a burst of 3, the rest in the next second
    // (which, on this clock, never comes until the test moves it).
    await expect.poll(() => passed).toBe(3);
    expect(limiter.health()).toBe('degraded');
    t = 1000;
    await expect.poll(() => passed).toBe(5);
    await Promise.all(takes);
    down.disconnect();
  });

  it('falls back for the sends waiting on a Redis command that fails, then uses Redis again', async () => {
    const key = `test-${randomUUID()}`;
    const clock = clockAt(Math.floor(Date.now() / 1000) * 1000 + 500);
    const second = Math.floor(clock.now() / 1000);
    // The window's counter holds something INCRBY refuses (WRONGTYPE): the connection is ready
    // but the command fails, as when Redis answers with an error or times out.
    await redis.rpush(`fluxo:rate:${key}:${second}`, 'not-a-counter');
    const limiter = createRedisRateLimiter(redis, 10, clock.now, { retryMs: 1000 });
    expect(limiter.health()).toBe('ok');
    await Promise.all(Array.from({ length: 4 }, () => limiter.take(key)));
    expect(limiter.health()).toBe('degraded');

    // A second later, in a window Redis can count, the shared limit is back in use.
    clock.set((second + 1) * 1000 + 500);
    expect(limiter.health()).toBe('ok');
    await Promise.all(Array.from({ length: 4 }, () => limiter.take(key)));
    expect(Number(await redis.get(`fluxo:rate:${key}:${second + 1}`))).toBe(4);
    await redis.del(`fluxo:rate:${key}:${second}`);
  });
});

describe('local rate limiter', () => {
  it('passes a burst up to the bucket size, then paces', async () => {
    let t = 0;
    const limiter = createLocalRateLimiter(5, () => t);
    let passed = 0;
    const takes = Array.from({ length: 7 }, () =>
      limiter.take('n').then(() => {
        passed += 1;
      }),
    );
    // The clock stands still, so the bucket cannot refill: exactly the burst passes.
    await expect.poll(() => passed).toBe(5);
    t = 1000;
    await expect.poll(() => passed).toBe(7);
    await Promise.all(takes);
  });
});

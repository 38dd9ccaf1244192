import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalRateLimiter, createRedisRateLimiter, paceWindowMs } from './rate-limiter.ts';

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
  it('lets exactly the limit through in one window across two instances, batching waiters', async () => {
    const key = `test-${randomUUID()}`;
    const clock = clockAt(Date.now());
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
    // The clock stands still, so no more than 10 can ever pass in this window.
    await expect.poll(() => passed).toBe(10);
    // The window is kept in Redis: 10 sends in it.
    expect(await redis.zcard(`fluxo:pace:${key}`)).toBe(10);
    // A window later, the rest go.
    clock.set(clock.now() + paceWindowMs);
    await expect.poll(() => passed, { timeout: 3000 }).toBe(16);
    await Promise.all(takes);
  });

  it('paces each number at its own tier, given with each send', async () => {
    const slow = `test-${randomUUID()}`;
    const fast = `test-${randomUUID()}`;
    const limiter = createRedisRateLimiter(redis, 80, () => 1_000_000);
    let slowPassed = 0;
    let fastPassed = 0;
    const takes = [
      ...Array.from({ length: 5 }, () => limiter.take(slow, 3).then(() => (slowPassed += 1))),
      ...Array.from({ length: 5 }, () => limiter.take(fast, 1000).then(() => (fastPassed += 1))),
    ];
    await expect.poll(() => fastPassed).toBe(5);
    await expect.poll(() => slowPassed).toBe(3);
    expect(await redis.zcard(`fluxo:pace:${slow}`)).toBe(3);
    void Promise.all(takes);
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
    // Still one number's limit, counted here: 3 in the window, the rest in the next
    // (which, on this clock, never comes until the test moves it).
    // A bound on waiting for the failed connection, not a timing assertion.
    await expect.poll(() => passed, { timeout: 15_000 }).toBe(3);
    expect(limiter.health()).toBe('degraded');
    t = paceWindowMs;
    await expect.poll(() => passed, { timeout: 15_000 }).toBe(5);
    await Promise.all(takes);
    down.disconnect();
  });

  it('falls back for the sends waiting on a Redis command that fails, then uses Redis again', async () => {
    const key = `test-${randomUUID()}`;
    const clock = clockAt(Date.now());
    // The window's key holds something the script refuses (WRONGTYPE): the connection is ready
    // but the command fails, as when Redis answers with an error or times out.
    await redis.rpush(`fluxo:pace:${key}`, 'not-a-window');
    const limiter = createRedisRateLimiter(redis, 10, clock.now, { retryMs: 1000 });
    expect(limiter.health()).toBe('ok');
    await Promise.all(Array.from({ length: 4 }, () => limiter.take(key)));
    expect(limiter.health()).toBe('degraded');

    // Once Redis counts again, the shared limit is back in use.
    await redis.del(`fluxo:pace:${key}`);
    clock.set(clock.now() + 1000);
    expect(limiter.health()).toBe('ok');
    await Promise.all(Array.from({ length: 4 }, () => limiter.take(key)));
    expect(await redis.zcard(`fluxo:pace:${key}`)).toBe(4);
  });
});

describe('local rate limiter', () => {
  it('passes up to the limit in a window, then paces, never twice the limit within one window', async () => {
    let t = 0;
    const limiter = createLocalRateLimiter(5, () => t);
    let passed = 0;
    const takes = Array.from({ length: 12 }, () =>
      limiter.take('n').then(() => {
        passed += 1;
      }),
    );
    // The clock stands still, so the window cannot move: exactly the limit passes.
    await expect.poll(() => passed, { timeout: 15_000 }).toBe(5);
    // Just under a window later, still nothing more (a token bucket would have refilled).
    t = paceWindowMs - 1;
    await new Promise((r) => setTimeout(r, paceWindowMs + 50));
    expect(passed).toBe(5);
    t = paceWindowMs;
    await expect.poll(() => passed).toBe(10);
    t = 2 * paceWindowMs;
    await expect.poll(() => passed).toBe(12);
    await Promise.all(takes);
  });

  it('takes the tier given with each send', async () => {
    const limiter = createLocalRateLimiter(80, () => 0);
    let passed = 0;
    void Promise.all(Array.from({ length: 4 }, () => limiter.take('m', 2).then(() => (passed += 1))));
    await expect.poll(() => passed).toBe(2);
    await new Promise((r) => setTimeout(r, 50));
    expect(passed).toBe(2);
  });
});

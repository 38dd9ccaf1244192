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

/** A limiter shared through Redis, which says whether Redis is being used right now. */
export interface SharedRateLimiter extends RateLimiter {
  /** `degraded` while Redis cannot be reached and this process paces its sends alone. */
  health(): 'ok' | 'degraded';
}

/**
 * Several instances: a fixed one-second window counted in Redis, so all of them together
 * stay under the number's limit. Sends waiting at the same moment take their tokens in one
 * INCRBY instead of one round trip each: under load the sender has dozens in flight, and each
 * Redis call is a socket write and read.
 *
 * When Redis cannot be reached, sends are paced by a local bucket instead of failing: a reply
 * a little over the shared limit costs at worst a rate-limit answer from Meta (retried with
 * backoff), while refusing to send stops every conversation until Redis is back. Redis is
 * tried again once its connection is ready again and `retryMs` has passed since the last
 * failed command.
 */
export function createRedisRateLimiter(
  redis: Redis,
  perSecond = defaultMessagesPerSecond,
  now = () => Date.now(),
  { retryMs = 1000 } = {},
): SharedRateLimiter {
  interface Waiter {
    resolve: () => void;
    reject: (err: unknown) => void;
  }
  interface Key {
    waiting: Waiter[];
    filling: boolean;
  }
  const keys = new Map<string, Key>();
  const local = createLocalRateLimiter(perSecond, now);
  let failedAt: number | null = null;
  // Lost once it was closed, until it is ready again. Not before the first connection: at
  // startup commands wait in ioredis's queue for a moment, as they always did.
  let lost = false;
  redis.on('close', () => {
    lost = true;
  });
  redis.on('ready', () => {
    lost = false;
  });
  const degraded = () => (lost && redis.status !== 'ready') || (failedAt !== null && now() - failedAt < retryMs);
  const paceLocally = (key: string, w: Waiter) => {
    local.take(key).then(w.resolve, w.reject);
  };

  async function fill(key: string, state: Key): Promise<void> {
    state.filling = true;
    try {
      while (state.waiting.length > 0) {
        const wanted = Math.min(state.waiting.length, perSecond);
        const second = Math.floor(now() / 1000);
        const slot = `fluxo:rate:${key}:${second}`;
        let count: number;
        try {
          const [[err, value]] = (await redis.multi().incrby(slot, wanted).expire(slot, 2).exec()) as [
            [Error | null, number],
          ];
          if (err) throw err;
          count = value;
        } catch {
          // Unreachable (or refusing): everyone waiting here is paced locally from now on.
          failedAt = now();
          for (const w of state.waiting.splice(0)) paceLocally(key, w);
          break;
        }
        const granted = Math.max(0, Math.min(wanted, perSecond - (count - wanted)));
        for (const w of state.waiting.splice(0, granted)) w.resolve();
        if (granted < wanted) await sleep(1000 - (now() % 1000) + 1);
      }
    } finally {
      state.filling = false;
      if (keys.get(key) === state && state.waiting.length === 0) keys.delete(key);
    }
  }

  return {
    health: () => (degraded() ? 'degraded' : 'ok'),
    take(key) {
      return new Promise<void>((resolve, reject) => {
        // Not queued behind a connection that is down: ioredis would hold the command until
        // its reconnection attempts run out.
        if (degraded()) {
          paceLocally(key, { resolve, reject });
          return;
        }
        let state = keys.get(key);
        if (!state) {
          state = { waiting: [], filling: false };
          keys.set(key, state);
        }
        state.waiting.push({ resolve, reject });
        if (!state.filling) void fill(key, state);
      });
    },
  };
}

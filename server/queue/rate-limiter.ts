import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/** Meta's default throughput per business number (META-WHATSAPP.md §7); a channel's tier may raise it. */
export const defaultMessagesPerSecond = 80;

/**
 * The span a number's throughput is counted over. Meta counts a send when it arrives, and the way
 * there takes a few milliseconds more for one send than for another: the spare 50 ms keep a send
 * granted late in one second from landing among the next second's full count.
 */
export const paceWindowMs = 1_050;

export interface RateLimiter {
  /** Resolves when one more request for this number may go out, at `perSecond` (the number's tier). */
  take(key: string, perSecond?: number): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One process: the moments of the sends of the last window, per number. A sliding window, not a
 * token bucket: a full bucket plus its refill would let twice the tier out within one second.
 */
export function createLocalRateLimiter(perSecond = defaultMessagesPerSecond, now = () => Date.now()): RateLimiter {
  const sent = new Map<string, number[]>();
  return {
    async take(key, rate = perSecond) {
      for (;;) {
        const t = now();
        const log = sent.get(key) ?? [];
        while (log.length > 0 && log[0]! <= t - paceWindowMs) log.shift();
        sent.set(key, log);
        if (log.length < rate) {
          log.push(t);
          return;
        }
        await sleep(log[log.length - rate]! + paceWindowMs - t + 1);
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
 * Grants up to `wanted` sends of one number within its limit over the sliding window, all
 * instances together: the window's sends are a sorted set scored by their moment. Answers how
 * many were granted and, when not all, how long until the oldest send leaves the window.
 */
const takeScript = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local wanted = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
local granted = math.min(wanted, math.max(0, limit - count))
if granted > 0 then
  local args = {}
  for i = 1, granted do
    args[#args + 1] = now
    args[#args + 1] = ARGV[5] .. ':' .. i
  end
  redis.call('ZADD', KEYS[1], unpack(args))
  redis.call('PEXPIRE', KEYS[1], window * 2)
end
local waitMs = 0
if granted < wanted then
  local oldest = redis.call('ZRANGE', KEYS[1], count + granted - limit, count + granted - limit, 'WITHSCORES')
  waitMs = math.max(1, tonumber(oldest[2]) + window - now + 1)
end
return {granted, waitMs}
`;

/**
 * Several instances: the number's sends of the last window kept in Redis, so all of them
 * together stay under the number's tier. Sends waiting at the same moment take their turns in
 * one script call instead of one round trip each: under load the sender has dozens in flight,
 * and each Redis call is a socket write and read.
 *
 * When Redis cannot be reached, sends are paced by a local window instead of failing: a reply
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
    rate: number;
  }
  const keys = new Map<string, Key>();
  const local = createLocalRateLimiter(perSecond, now);
  // Names this process's entries in the shared window, which must not collide with another's.
  const instance = randomUUID().slice(0, 8);
  let calls = 0;
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
  const paceLocally = (key: string, rate: number, w: Waiter) => {
    local.take(key, rate).then(w.resolve, w.reject);
  };

  async function fill(key: string, state: Key): Promise<void> {
    state.filling = true;
    try {
      while (state.waiting.length > 0) {
        const wanted = Math.min(state.waiting.length, state.rate);
        calls += 1;
        let granted: number;
        let waitMs: number;
        try {
          [granted, waitMs] = (await redis.eval(
            takeScript,
            1,
            `fluxo:pace:${key}`,
            now(),
            paceWindowMs,
            state.rate,
            wanted,
            `${instance}:${calls}`,
          )) as [number, number];
        } catch {
          // Unreachable (or refusing): everyone waiting here is paced locally from now on.
          failedAt = now();
          for (const w of state.waiting.splice(0)) paceLocally(key, state.rate, w);
          break;
        }
        for (const w of state.waiting.splice(0, granted)) w.resolve();
        if (granted < wanted) await sleep(waitMs);
      }
    } finally {
      state.filling = false;
      if (keys.get(key) === state && state.waiting.length === 0) keys.delete(key);
    }
  }

  return {
    health: () => (degraded() ? 'degraded' : 'ok'),
    take(key, rate = perSecond) {
      return new Promise<void>((resolve, reject) => {
        // Not queued behind a connection that is down: ioredis would hold the command until
        // its reconnection attempts run out.
        if (degraded()) {
          paceLocally(key, rate, { resolve, reject });
          return;
        }
        let state = keys.get(key);
        if (!state) {
          state = { waiting: [], filling: false, rate };
          keys.set(key, state);
        }
        // A tier changed meanwhile applies from the next grant.
        state.rate = rate;
        state.waiting.push({ resolve, reject });
        if (!state.filling) void fill(key, state);
      });
    },
  };
}

import type { Redis } from 'ioredis';
import type { HitCounter } from './hit-counter.ts';

// INCR and the window's expiry in one atomic step: with INCR then PEXPIRE as two calls, a crash
// (or a lost reply) in between would leave a counter that never expires, locking the key forever.
const hitScript = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}`;

// Only an existing, unexpired window is decremented: DECR on a missing key would create one
// at -1 with no expiry.
const undoScript = `
if redis.call('PTTL', KEYS[1]) > 0 then redis.call('DECR', KEYS[1]) end
return 0`;

/** Counts in Redis, so every instance behind a load balancer shares the same limits. */
export function createRedisHitCounter(redis: Redis, prefix = 'fluxo:limit:'): HitCounter {
  return {
    async hit(key, windowMs) {
      const [count, resetMs] = (await redis.eval(hitScript, 1, prefix + key, windowMs)) as [number, number];
      return { count, resetMs };
    },
    async undo(key) {
      await redis.eval(undoScript, 1, prefix + key);
    },
  };
}

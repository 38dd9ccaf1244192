import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';
import { defaultInboundHoldMs } from './inbound-in-flight.ts';

/**
 * Deliveries in flight (see `inbound-in-flight.ts`) told to every instance through Redis: with a
 * `web` process storing webhooks and `worker` processes claiming, the claimer is not the process
 * that knows a delivery is on its way. Redis only narrows a race, so it never stands in the way:
 * holds are sent without waiting for an answer, and a claim that cannot read them goes by the
 * holds of its own process (the caller keeps those as well).
 */
export interface SharedInboundInFlight {
  /** Marks these contacts (`inboundContactKey`) as held for all instances; call the answer once stored or failed. */
  hold(keys: readonly string[]): () => void;
  /** The contacts held by any instance right now; none when Redis cannot say. */
  held(): Promise<string[]>;
}

/**
 * One atomic step for everything this instance has to say at a moment: drops the holds that have
 * ended (a crashed instance never releases its own), adds the new ones (ARGV[4] of them) and lets
 * the whole set expire once every hold in it would have, so a deployment that goes quiet leaves
 * no key behind; then removes the released ones.
 */
const writeScript = `
local adding = tonumber(ARGV[4])
local last = 4 + adding
if adding > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
  local args = {}
  for i = 5, last do
    args[#args + 1] = ARGV[2]
    args[#args + 1] = ARGV[i]
    if #args >= 1000 or i == last then
      redis.call('ZADD', KEYS[1], unpack(args))
      args = {}
    end
  end
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
end
-- In slices: Lua's stack takes a few thousand arguments at most.
for i = last + 1, #ARGV, 500 do
  redis.call('ZREM', KEYS[1], unpack(ARGV, i, math.min(i + 499, #ARGV)))
end
return 0
`;

/**
 * A sorted set of `<contact key>#<instance>:<n>`, one member per contact per delivery (a contact
 * with two deliveries in flight stays held until both are stored), scored by when the hold ends.
 *
 * Clocks: a hold's end is the holder's clock plus `maxHoldMs`; a claimer counts the holds ending
 * within `maxHoldMs` of its own clock. A hold therefore counts for `maxHoldMs` of the claimer's
 * time at most, whatever the skew between the two: skew can only shorten or void a hold (back
 * to the race this narrows, a few ms of NTP skew against a second), never make a contact wait longer.
 * Redis's own TIME would avoid skew but cost a script on every claim, and tests could not move it.
 *
 * Order: the holds go out on the connection that also publishes wake-ups (`notifier.ts`), and
 * Redis runs one connection's commands in order. New holds are sent once per turn of the event
 * loop (before any wake-up published in a later turn); releases at the end of the current
 * microtasks, so before the wake-up that follows them (published at the next turn): a claim that
 * wake-up starts no longer sees the contact held. Under load a group commit stores many webhooks
 * at once, and their releases (with the holds still unsent) go in one command.
 */
export function createRedisInboundInFlight(
  redis: Redis,
  o: {
    logger: Logger;
    maxHoldMs?: number;
    now?: () => number;
    /** The sorted set's name; tests give each their own. */
    key?: string;
    /**
     * A claim waits this long at most for the holds (250 ms): a Redis slower than that costs
     * every claim more than the reordering it prevents.
     */
    readTimeoutMs?: number;
    /** After a claim's read failed, the next claims go without the shared holds this long. */
    retryMs?: number;
  },
): SharedInboundInFlight {
  const { logger, maxHoldMs = defaultInboundHoldMs, now = () => Date.now(), key = 'fluxo:inbound-held' } = o;
  const readTimeoutMs = o.readTimeoutMs ?? 250;
  const retryMs = o.retryMs ?? 1000;
  // Names this instance's members, which must not collide with another's.
  const instance = randomUUID().slice(0, 8);
  let holds = 0;
  // Redis being down is logged once by its connection (`redis-client.ts`); this says what it costs here.
  let warned = false;
  // A claim does not wait on a Redis that just failed it (one that hangs instead of refusing
  // would cost every claim the whole timeout): it goes by this instance's holds for `retryMs`.
  let readFailedAt: number | null = null;
  const failed = (err: unknown) => {
    if (warned) return;
    warned = true;
    logger.warn('redis: inbound holds are seen by this instance only until it answers again', { err });
  };
  const answered = () => {
    warned = false;
  };
  // Not queued behind a connection that is down: ioredis would send a stale hold on reconnecting.
  const usable = () => redis.status === 'ready';

  // Written but not sent yet: members to add and to remove, sent by `flush` in one command.
  let adding: string[] = [];
  let removing: string[] = [];
  let flushing: 'soon' | 'now' | null = null;
  const flush = () => {
    flushing = null;
    if (adding.length + removing.length === 0) return;
    if (!usable()) {
      // Lost since: dropped rather than sent late (a hold that reached Redis ends by itself).
      adding = [];
      removing = [];
      return;
    }
    const at = now();
    const args = [at, at + maxHoldMs, maxHoldMs * 2, adding.length, ...adding, ...removing];
    adding = [];
    removing = [];
    redis.eval(writeScript, 1, key, ...args).then(answered, failed);
  };

  return {
    hold(keys) {
      const members = [...new Set(keys)].map((k) => `${k}#${instance}:${++holds}`);
      if (members.length === 0 || !usable()) return () => undefined;
      adding.push(...members);
      if (!flushing) {
        flushing = 'soon';
        setImmediate(flush);
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        // Still unsent: never added, nothing to remove.
        const unsent = new Set(members);
        const before = adding.length;
        adding = adding.filter((m) => !unsent.has(m));
        if (adding.length < before || !usable()) return;
        removing.push(...members);
        if (flushing !== 'now') {
          flushing = 'now';
          queueMicrotask(flush);
        }
      };
    },
    async held() {
      const at = now();
      if (!usable() || (readFailedAt !== null && at - readFailedAt < retryMs)) return [];
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut = new Promise<Error>((resolve) => {
        timer = setTimeout(() => resolve(new Error(`no answer within ${readTimeoutMs} ms`)), readTimeoutMs);
      });
      const read = redis
        .zrangebyscore(key, `(${at}`, at + maxHoldMs)
        .catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));
      const members = await Promise.race([read, timedOut]).finally(() => clearTimeout(timer));
      if (members instanceof Error) {
        readFailedAt = at;
        failed(members);
        return [];
      }
      readFailedAt = null;
      answered();
      return [...new Set(members.map((m) => m.slice(0, m.lastIndexOf('#'))))];
    },
  };
}

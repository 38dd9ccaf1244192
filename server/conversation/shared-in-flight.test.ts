import { randomUUID } from 'node:crypto';
import { createServer, type Socket } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { Logger } from '../logger.ts';
import { inboundContactKey } from './contact-key.ts';
import { createRedisInboundInFlight } from './shared-in-flight.ts';

// Runs only with DATABASE_URL and REDIS_URL set (see vitest.config.ts).
const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// Two connections, as two instances have: a web process holds, a worker reads.
const web = new Redis(url, { maxRetriesPerRequest: 1 });
const worker = new Redis(url, { maxRetriesPerRequest: 1 });
afterAll(() => {
  web.disconnect();
  worker.disconnect();
});

const ana = inboundContactKey('ch', '5584990000001', null);
const bia = inboundContactKey('ch', null, 'BR.user.1');

function warnings() {
  const seen: string[] = [];
  const logger: Logger = { debug() {}, info() {}, warn: (msg) => seen.push(msg), error() {} };
  return { logger, seen };
}

/** A web and a worker instance on one set, each with a clock the test moves. */
async function pair(maxHoldMs = 50) {
  const key = `test:inbound-held:${randomUUID()}`;
  const clock = { web: 1_000_000, worker: 1_000_000 };
  const { logger, seen } = warnings();
  await Promise.all([web.ping(), worker.ping()]);
  return {
    key,
    clock,
    seen,
    holder: createRedisInboundInFlight(web, { logger, maxHoldMs, key, now: () => clock.web }),
    claimer: createRedisInboundInFlight(worker, { logger, maxHoldMs, key, now: () => clock.worker }),
    // Holds are sent without waiting, at the next turn of the event loop: after it, a round trip
    // on the same connection has them applied.
    sent: async () => {
      await new Promise((resolve) => setImmediate(resolve));
      await web.ping();
    },
  };
}

describe('deliveries in flight, shared through Redis', () => {
  it('holds a contact for every instance until each delivery of theirs is released', async () => {
    const p = await pair();
    const first = p.holder.hold([ana, ana]);
    const second = p.holder.hold([ana, bia]);
    await p.sent();
    expect((await p.claimer.held()).sort()).toEqual([ana, bia].sort());
    // One member per contact per delivery.
    expect(await worker.zcard(p.key)).toBe(3);

    first();
    first();
    await p.sent();
    expect((await p.claimer.held()).sort()).toEqual([ana, bia].sort());
    second();
    await p.sent();
    expect(await p.claimer.held()).toEqual([]);
    expect(await worker.zcard(p.key)).toBe(0);
  });

  it('counts a hold for at most its bound of the claimer’s time, and a later hold clears the expired ones', async () => {
    const p = await pair(50);
    p.holder.hold([ana]);
    await p.sent();
    p.clock.worker += 49;
    expect(await p.claimer.held()).toEqual([ana]);
    p.clock.worker += 1;
    expect(await p.claimer.held()).toEqual([]);

    // A holder that crashed never releases: its hold is removed by the next one.
    p.clock.web += 50;
    p.holder.hold([bia]);
    await p.sent();
    expect((await worker.zrange(p.key, 0, -1)).map((m) => m.slice(0, m.lastIndexOf('#')))).toEqual([bia]);
    // And the set itself goes once every hold in it has ended.
    const ttl = await worker.pttl(p.key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(100);
  });

  it('never counts a hold longer than its bound when the holder’s clock runs ahead', async () => {
    const p = await pair(50);
    p.clock.web += 10_000;
    p.holder.hold([ana]);
    await p.sent();
    // Ending 10 s from now by the claimer's clock: more than a hold can last, so not a hold.
    expect(await p.claimer.held()).toEqual([]);
  });

  it('sends the holds and releases of one moment in one command, and nothing for a delivery stored before its hold went out', async () => {
    const key = `test:inbound-held:${randomUUID()}`;
    const own = new Redis(url, { maxRetriesPerRequest: 1 });
    await own.ping();
    const sent: string[] = [];
    const send = own.sendCommand.bind(own);
    own.sendCommand = ((command: { name: string }) => {
      sent.push(command.name);
      return send(command as never);
    }) as typeof own.sendCommand;
    const inFlight = createRedisInboundInFlight(own, { logger: warnings().logger, key });
    const settled = async () => {
      await new Promise((resolve) => setImmediate(resolve));
      await own.ping();
    };

    const releases = [inFlight.hold([ana]), inFlight.hold([bia]), inFlight.hold([ana])];
    await settled();
    expect(await worker.zcard(key)).toBe(3);
    releases.forEach((release) => release());
    await settled();
    expect(await worker.zcard(key)).toBe(0);
    // Released before it was sent: neither added nor removed.
    inFlight.hold([ana])();
    await settled();
    expect(sent).toEqual(['eval', 'ping', 'eval', 'ping', 'ping']);
    own.disconnect();
  });

  it('takes a burst of thousands of holds and releases in one command each', async () => {
    const p = await pair();
    const contacts = Array.from({ length: 5000 }, (_, i) => inboundContactKey('ch', String(5584990000000 + i), null));
    const releases = contacts.map((c) => p.holder.hold([c]));
    await p.sent();
    expect((await p.claimer.held()).length).toBe(contacts.length);
    releases.forEach((release) => release());
    await p.sent();
    expect(await p.claimer.held()).toEqual([]);
    expect(p.seen).toEqual([]);
  });

  it('goes on without the shared holds when Redis refuses, saying so once', async () => {
    // Long holds: the claimer's clock moves a second here.
    const p = await pair(60_000);
    // Not a sorted set: every command on it fails, as on a Redis that cannot serve them.
    await web.set(p.key, 'not a set');
    const release = p.holder.hold([ana]);
    await p.sent();
    expect(await p.claimer.held()).toEqual([]);
    release();
    await p.sent();
    expect(await p.claimer.held()).toEqual([]);
    // Once by each instance, not on every command.
    const said = 'redis: inbound holds are seen by this instance only until it answers again';
    expect(p.seen).toEqual([said, said]);

    // Once it answers again, holds are shared again; claims ask again a second after it failed them.
    await web.del(p.key);
    p.holder.hold([bia]);
    await p.sent();
    p.clock.worker += 999;
    expect(await p.claimer.held()).toEqual([]);
    p.clock.worker += 1;
    expect(await p.claimer.held()).toEqual([bia]);
  });

  it('does not keep claims waiting on a Redis that stops answering', async () => {
    // Takes connections and never answers, as a Redis that hangs.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const hung = new Redis({
      port,
      host: '127.0.0.1',
      // Ready without asking it anything (no INFO, no CLIENT SETINFO): it would never answer.
      enableReadyCheck: false,
      disableClientInfo: true,
      maxRetriesPerRequest: 0,
    });
    await new Promise((resolve) => hung.once('ready', resolve));
    const sent: string[] = [];
    const send = hung.sendCommand.bind(hung);
    hung.sendCommand = ((command: { name: string }) => {
      sent.push(command.name);
      return send(command as never);
    }) as typeof hung.sendCommand;
    let t = 0;
    const { logger, seen } = warnings();
    const inFlight = createRedisInboundInFlight(hung, { logger, now: () => t, readTimeoutMs: 20 });

    expect(await inFlight.held()).toEqual([]);
    expect(sent).toEqual(['zrangebyscore']);
    expect(seen).toEqual(['redis: inbound holds are seen by this instance only until it answers again']);
    // For a second the claims go by this instance's holds without asking.
    t += 999;
    expect(await inFlight.held()).toEqual([]);
    expect(sent).toEqual(['zrangebyscore']);
    t += 1;
    expect(await inFlight.held()).toEqual([]);
    expect(sent).toEqual(['zrangebyscore', 'zrangebyscore']);
    expect(seen).toHaveLength(1);

    hung.disconnect();
    sockets.forEach((s) => s.destroy());
    await new Promise((resolve) => silent.close(resolve));
  });

  it('holds nothing while its connection is down', async () => {
    const down = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 0 });
    const { logger, seen } = warnings();
    const inFlight = createRedisInboundInFlight(down, { logger });
    const release = inFlight.hold([ana]);
    release();
    expect(await inFlight.held()).toEqual([]);
    expect(seen).toEqual([]);
    down.disconnect();
  });
});

import type { Server } from 'node:http';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StudioEvent } from '../../shared/api/events.ts';
import { createApp } from '../app.ts';
import { createSecretBox } from '../auth/secret-box.ts';
import { readConfig } from '../env.ts';
import { createLocalEventBus, createRedisEventBus, type EventBus } from '../events/event-bus.ts';
import { createApiToken } from '../db/queries/tokens.ts';
import { createUser } from '../db/queries/users.ts';
import type { Role } from '../db/tables.ts';
import { silentLogger } from '../logger.ts';
import { channelA, startMessagingHarness, type MessagingHarness } from '../testing/messaging-harness.ts';
import type { Db } from '../db/database.ts';
import { listen, serveOnFreePort } from '../testing/sse-client.ts';
import { until } from '../testing/until.ts';
import { messageWebhook } from '../testing/webhook-payloads.ts';

async function tokenFor(db: Db, role: Role, email: string): Promise<string> {
  const user = await createUser(db, { email, name: role, password: 'cavalo-bateria-grampo', role });
  return (await createApiToken(db, { name: email, role, createdBy: user.id })).secret;
}

let seconds = Math.floor(Date.now() / 1000);
const hello = (from: string) =>
  messageWebhook({
    ...channelA,
    wamid: `wamid.events.${from}.${seconds}`,
    from,
    name: 'Ana',
    timestamp: new Date(seconds++ * 1000),
    text: 'oi',
  });
const contactOf = async (db: Db, waId: string) =>
  (await db.selectFrom('contacts').select('id').where('wa_id', '=', waId).executeTakeFirst())?.id;

describe('GET /api/events (server-sent events)', () => {
  let h: MessagingHarness;
  let http: { url: string; server: Server };
  beforeAll(async () => {
    h = await startMessagingHarness();
    http = await serveOnFreePort(h.app);
  });
  afterAll(async () => {
    http.server.closeAllConnections();
    http.server.close();
    await h.close();
  });

  it("streams a signed webhook's message to an agent as it is stored, and not to an editor", async () => {
    const agent = await listen(http.url, await tokenFor(h.testDb.db, 'agent', 'agente@fluxo.test'));
    const editor = await listen(http.url, await tokenFor(h.testDb.db, 'editor', 'editora@fluxo.test'));
    expect(agent.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect((await h.postJson(hello('5584992220001'))).status).toBe(200);
    const contactId = await contactOf(h.testDb.db, '5584992220001');
    await until(
      'the agent heard of the message',
      () => agent.events.some((e) => e.type === 'message.received' && e.conversationId === contactId),
      5000,
    );
    // The flow's greeting follows: queued, then accepted by the fake Meta.
    await until(
      'the reply was queued and sent',
      () =>
        ['message.queued', 'message.status'].every((t) =>
          agent.events.some((e) => e.type === t && e.conversationId === contactId),
        ),
      10_000,
    );
    expect(editor.events).toEqual([]);
    agent.close();
    editor.close();
  });

  it('refuses a caller who is not signed in', async () => {
    expect((await fetch(`${http.url}/api/events`)).status).toBe(401);
  });
});

describe('closing the event bus (graceful shutdown)', () => {
  it('ends the open streams, so they do not hold the stop', async () => {
    const bus = createLocalEventBus();
    const h = await startMessagingHarness({ events: bus });
    const http = await serveOnFreePort(h.app);
    try {
      const stream = await listen(http.url, await tokenFor(h.testDb.db, 'admin', 'admin@fluxo.test'));
      await bus.close();
      await until('the stream ended', () => stream.ended, 5000);
    } finally {
      http.server.close();
      await h.close();
    }
  });
});

/** The machine's Redis (the suite runs with one in both modes). */
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0';

describe('events across instances (Redis pub/sub)', () => {
  let a: MessagingHarness;
  let busA: EventBus;
  let busB: EventBus;
  let http: { url: string; server: Server };
  beforeAll(async () => {
    busA = createRedisEventBus(new Redis(redisUrl), new Redis(redisUrl));
    busB = createRedisEventBus(new Redis(redisUrl), new Redis(redisUrl));
    a = await startMessagingHarness({ events: busA });
    // Instance B: its own app and bus, on the same database; no WhatsApp runtime of its own.
    const b = createApp({
      db: a.testDb.db,
      clock: { now: () => new Date() },
      logger: silentLogger,
      events: busB,
      config: readConfig({ DATA_DIR: '/nonexistent', FLUXO_RATE_LIMIT_API: '0', FLUXO_RATE_LIMIT_SESSION: '0' }),
      secrets: createSecretBox('instance-b-secret-key-instance-b-key'),
    });
    http = await serveOnFreePort(b);
  });
  afterAll(async () => {
    http.server.closeAllConnections();
    http.server.close();
    await a.close();
    await busA.close();
    await busB.close();
  });

  it('a webhook taken by instance A reaches a studio listening on instance B', async () => {
    const heardOnB: StudioEvent[] = [];
    busB.subscribe((e) => heardOnB.push(e));
    // Subscribing to Redis takes a round trip: wait until A's events reach B at all.
    await until(
      'B hears A',
      async () => {
        busA.publish({ type: 'campaign.progress', campaignId: 'probe' });
        await new Promise((r) => setTimeout(r, 50));
        return heardOnB.some((e) => e.campaignId === 'probe');
      },
      5000,
    );
    const studio = await listen(http.url, await tokenFor(a.testDb.db, 'agent', 'agente-b@fluxo.test'));
    expect((await a.postJson(hello('5584992220009'))).status).toBe(200);
    const contactId = await contactOf(a.testDb.db, '5584992220009');
    await until(
      'the studio on B heard of the message',
      () => studio.events.some((e) => e.type === 'message.received' && e.conversationId === contactId),
      5000,
    );
    // Each event once: B does not echo A's events back, and A does not get its own twice.
    const heardOnA: StudioEvent[] = [];
    busA.subscribe((e) => heardOnA.push(e));
    busA.publish({ type: 'session.reset', conversationId: 'x' });
    await until('B heard the reset', () => heardOnB.some((e) => e.type === 'session.reset'), 5000);
    expect(heardOnA.filter((e) => e.type === 'session.reset')).toHaveLength(1);
    studio.close();
  });
});

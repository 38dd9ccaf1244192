import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatedMessages, tallyReplies, type SimulatedMessage } from '../testing/echo-conversations.ts';
import { startFakeGraphApi, type FakeGraph } from '../testing/fake-graph-api.ts';
import { echoFlow } from '../testing/messaging-harness.ts';
import { seedServer } from '../testing/seed-server.ts';
import { startServerProcess, type ServerProcess } from '../testing/server-process.ts';
import { startTcpProxy, type TcpProxy } from '../testing/tcp-proxy.ts';
import { createTestDatabaseUrl } from '../testing/test-db.ts';
import { waitUntilServerIdle } from '../testing/server-idle.ts';
import { createWebhookClient } from '../testing/webhook-client.ts';

// Its own number: the Redis rate limit is per number, and its keys are what this test inspects.
const channel = { phoneNumberId: '106000000000075', displayPhone: '15550100075', wabaId: '0' };
const appSecret = 'redis-fault-app-secret';
const accessToken = 'EAAG-redis-fault-token';
const metricsToken = 'redis-fault-metrics-token';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Redis vanishes in the middle of steady traffic (every connection reset, new ones refused)
 * and comes back. Redis only paces sends and carries wake-ups, so replies must keep flowing
 * meanwhile, each exactly once and without waiting out the send lock and reconcile delay
 * (~35 s with the defaults used here). Runs only with DATABASE_URL and REDIS_URL set (see
 * vitest.config.ts).
 */
describe('Redis reset under load', () => {
  let fake: FakeGraph;
  let proxy: TcpProxy;
  let direct: Redis;
  let dataDir: string;
  let database: Awaited<ReturnType<typeof createTestDatabaseUrl>>;
  let server: ServerProcess;

  beforeAll(async () => {
    const redisUrl = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    direct = new Redis(redisUrl.href);
    proxy = await startTcpProxy({ host: redisUrl.hostname, port: Number(redisUrl.port || 6379) });
    const proxied = new URL(redisUrl.href);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);

    dataDir = mkdtempSync(join(tmpdir(), 'fluxo-redis-fault-'));
    database = await createTestDatabaseUrl();
    fake = await startFakeGraphApi({ expectedToken: accessToken });
    const secretKey = 'redis-fault-secret-key-redis-fault-secret';
    await seedServer({
      databaseUrl: database?.url,
      dataDir,
      secretKey,
      flow: echoFlow,
      channels: [{ phoneNumberId: channel.phoneNumberId, appSecret, accessToken }],
    });
    // The default lease, send lock and reconcile delay: the stall this guards against is theirs.
    server = await startServerProcess({
      DATA_DIR: dataDir,
      SECRET_KEY: secretKey,
      WHATSAPP_GRAPH_URL: fake.url,
      FLUXO_LOG: 'warn',
      DATABASE_URL: database?.url ?? '',
      REDIS_URL: proxied.href,
      METRICS_TOKEN: metricsToken,
    });
    fake.statusCallback = { url: `${server.url}/webhooks/whatsapp`, appSecret, statuses: ['sent', 'delivered'] };
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await fake?.close();
    await proxy?.close();
    direct?.disconnect();
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const readiness = async () => {
    const res = await fetch(`${server.url}/readyz`);
    return { status: res.status, body: (await res.json()) as { status: string; redis?: string } };
  };
  /** The number's sends in the shared pacing window (rate-limiter.ts), scored by when each went out. */
  const paceKey = `fluxo:pace:${channel.phoneNumberId}`;

  it('keeps replying once to every message while Redis is cut, and uses Redis again once it is back', async () => {
    // Ready as soon as the database answers; Redis may still be connecting for a moment.
    const redisOk = async (tries: number) => {
      for (let i = 0; i < tries; i++) {
        if ((await readiness()).body.redis === 'ok') return Date.now();
        await sleep(100);
      }
      return null;
    };
    expect(await redisOk(50)).not.toBeNull();

    // 20 contacts in conversation: each writes, waits for the reply, writes again.
    const contacts = 20;
    const pool = simulatedMessages({ channel, contacts, perContact: 200, prefix: 'rf', start: new Date() });
    const client = createWebhookClient(server.url, { maxSockets: contacts });
    const posted: SimulatedMessage[] = [];
    const delays: { contact: string; at: number; ms: number }[] = [];
    let stopped = false;

    // Replies as they reach the fake Graph API, by text (`Recebi: <text>`) and, for each
    // contact's first message, the greeting.
    const replyTimes = new Map<string, number>();
    let seen = 0;
    const watcher = setInterval(() => {
      const sent = fake.sent();
      for (; seen < sent.length; seen++) {
        const s = sent[seen]!;
        const body = s.body as { to?: string; text?: { body?: string } };
        const text = body.text?.body ?? '';
        const key = text.startsWith('Olá') ? `greet:${(body.to ?? '').replace(/^\+/, '')}` : text;
        if (!replyTimes.has(key)) replyTimes.set(key, s.at.getTime());
      }
    }, 10);
    const replied = async (keys: string[]) => {
      for (;;) {
        for (const k of keys) {
          const at = replyTimes.get(k);
          if (at !== undefined) return at;
        }
        await sleep(10);
      }
    };

    const conversations = Array.from({ length: contacts }, async (_, c) => {
      const own = pool.filter((m) => m.contact === pool[c]!.contact);
      for (const [i, m] of own.entries()) {
        if (stopped) return;
        posted.push(m);
        const sentAt = Date.now();
        const r = await client.post(m.body, appSecret);
        expect(r.status).toBe(200);
        const at = await replied(i === 0 ? [`greet:${m.contact}`] : [`Recebi: ${m.text}`]);
        delays.push({ contact: m.contact, at: sentAt, ms: at - sentAt });
      }
    });

    await sleep(3000);
    expect(await direct.zcard(paceKey)).toBeGreaterThan(0);
    const cutAt = Date.now();
    proxy.cut();
    const sentBeforeCut = fake.sent().length;
    await sleep(500);
    // Degraded but still ready: it works without Redis, and all instances share the one Redis.
    const during = await readiness();
    await sleep(5000);
    const repliesDuringCut = fake.sent().length - sentBeforeCut;
    const restoredAt = Date.now();
    proxy.restore();
    const recoveredAt = await redisOk(100);
    await sleep(3000);
    // Sends are counted in Redis again: the window holds sends from after the restore.
    const windowsAfter = await direct.zrangebyscore(paceKey, restoredAt + 1, '+inf');
    stopped = true;
    await Promise.all(conversations);
    clearInterval(watcher);
    client.close();

    await fake.statusCallbacksIdle();
    // A send whose outcome was lost stays in flight until reconciled: once none is, any
    // duplicate it could cause has been sent.
    await waitUntilServerIdle(server.url, metricsToken, 60_000);
    const tally = tallyReplies(fake.sent(), posted);
    const duringCut = delays.filter((d) => d.at >= cutAt - 1000 && d.at < restoredAt);
    // Replies that came while Redis was cut, after the sends it had in hand at the cut.
    const answeredInCut = delays.filter((d) => d.at + d.ms > cutAt + 1500 && d.at + d.ms < restoredAt);
    const cutDelays = duringCut.map((d) => d.ms).sort((a, b) => a - b);
    const beforeDelays = delays
      .filter((d) => d.at < cutAt - 1000)
      .map((d) => d.ms)
      .sort((a, b) => a - b);
    const report = {
      posted: posted.length,
      replies: fake.sent().length,
      repliesDuringCut,
      medianDelayBeforeCutMs: beforeDelays[Math.floor(beforeDelays.length / 2)],
      maxDelayBeforeCutMs: beforeDelays.at(-1),
      medianDelayDuringCutMs: cutDelays[Math.floor(cutDelays.length / 2)],
      maxDelayDuringCutMs: cutDelays.at(-1),
      maxDelayMs: Math.max(...delays.map((d) => d.ms)),
      redisOkAfterRestoreMs: recoveredAt ? recoveredAt - restoredAt : null,
    };
    console.log('redis fault', JSON.stringify(report));

    expect(during).toEqual({ status: 200, body: { status: 'ready', redis: 'degraded' } });
    expect(tally.missing).toEqual([]);
    expect(tally.duplicated).toEqual([]);
    expect(fake.sent()).toHaveLength(posted.length);
    // Every conversation went on during the cut (before the fix: no reply at all for ~35 s).
    expect(repliesDuringCut).toBeGreaterThan(0);
    expect(new Set(answeredInCut.map((d) => d.contact)).size).toBe(contacts);
    // Not one reply waits out the lock and the reconcile delay: a few seconds at most, even on
    // a busy machine (measured ~1.5 s at most, for the sends caught waiting on Redis at the cut).
    expect(report.maxDelayDuringCutMs).toBeLessThan(5000);
    expect(report.redisOkAfterRestoreMs).not.toBeNull();
    expect(report.redisOkAfterRestoreMs!).toBeLessThan(5000);
    expect(windowsAfter.length).toBeGreaterThan(0);
  }, 120_000);
});

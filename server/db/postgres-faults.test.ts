import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatedMessages, tallyReplies, type SimulatedMessage } from '../testing/echo-conversations.ts';
import { startFakeGraphApi, type FakeGraph } from '../testing/fake-graph-api.ts';
import { deliverUntilAcknowledged, type DeliveryLog } from '../testing/meta-delivery.ts';
import { echoFlow } from '../testing/messaging-harness.ts';
import { seedServer } from '../testing/seed-server.ts';
import { freePort, startServerProcess, type ServerProcess } from '../testing/server-process.ts';
import { startTcpProxy, type TcpProxy } from '../testing/tcp-proxy.ts';
import { createTestDatabaseUrl } from '../testing/test-db.ts';
import { until } from '../testing/until.ts';

// Its own number: the Redis rate limit is per number and shared by test files running at once.
const channel = { phoneNumberId: '106000000000081', displayPhone: '15550100081', wabaId: '0' };
const appSecret = 'postgres-faults-app-secret';
const accessToken = 'EAAG-postgres-faults-token';

/** One readiness probe: its status (0: no answer) and how long the answer took. */
async function probeReady(url: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const status = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(5000) }).then(
    (r) => r.status,
    () => 0,
  );
  return { status, ms: performance.now() - started };
}

/**
 * The real server in a child process, its Postgres connections going through a proxy the test
 * cuts (as a restart or failover would) or killed by `pg_terminate_backend`, in the middle of a
 * stream of webhooks. Meta's side is simulated: deliveries not answered 200 are made again,
 * and status webhooks are retried until acknowledged. The process must stay up, say it is not
 * ready while the database is gone, and answer every message exactly once when it is back.
 * Needs DATABASE_URL and REDIS_URL (see vitest.config.ts).
 */
describe('Postgres connections dropped under load', () => {
  let fake: FakeGraph;
  let dataDir: string;
  let database: { url: string; drop(): Promise<void> };
  let proxy: TcpProxy;
  let server: ServerProcess;
  let admin: pg.Client;
  let databaseName: string;
  // Replies every earlier phase already produced, so each phase counts only its own.
  let sentBefore = 0;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'fluxo-pgfaults-'));
    const created = await createTestDatabaseUrl();
    if (!created) throw new Error('needs DATABASE_URL (runs in the Postgres + Redis pass)');
    database = created;
    fake = await startFakeGraphApi({ expectedToken: accessToken });
    const secretKey = 'postgres-faults-secret-key-postgres-faults';
    await seedServer({
      databaseUrl: database.url,
      dataDir,
      secretKey,
      flow: echoFlow,
      channels: [{ phoneNumberId: channel.phoneNumberId, appSecret, accessToken }],
    });

    const direct = new URL(database.url);
    databaseName = direct.pathname.slice(1);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const throughProxy = new URL(database.url);
    throughProxy.hostname = '127.0.0.1';
    throughProxy.port = String(proxy.port);
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();

    const port = await freePort();
    fake.statusCallback = {
      url: `http://127.0.0.1:${port}/webhooks/whatsapp`,
      appSecret,
      statuses: ['sent', 'delivered'],
    };
    server = await startServerProcess({
      PORT: String(port),
      DATA_DIR: dataDir,
      SECRET_KEY: secretKey,
      WHATSAPP_GRAPH_URL: fake.url,
      FLUXO_LOG: 'error',
      // The lease and send locks keep their defaults (30 s, 20 s): recovering must not wait
      // for them. As in crash.test.ts, a send whose outcome was lost is confirmed by its
      // status webhook before the (shortened) reconcile delay runs out.
      FLUXO_RECONCILE_MS: '6000',
      DATABASE_URL: throughProxy.toString(),
      REDIS_URL: process.env.REDIS_URL ?? '',
    });
  }, 120_000);
  afterAll(async () => {
    await server?.kill();
    await proxy?.close();
    await admin?.end();
    await fake?.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function expectEveryMessageAnsweredOnce(messages: SimulatedMessage[]) {
    await fake.waitForSent(sentBefore + messages.length, 60_000);
    await fake.statusCallbacksIdle();
    const tally = tallyReplies(fake.sent(), messages);
    expect(tally.missing).toEqual([]);
    expect(tally.duplicated).toEqual([]);
    // Nothing beyond one reply per message (a duplicate to another contact would show here).
    // Once every inbound message is processed and no send is queued or in flight (a send whose
    // outcome was lost stays 'sending' until reconciled), nothing more can go out.
    await until(
      'every message processed and no send queued or in flight',
      async () => {
        const { rows } = await admin.query<{ waiting: number }>(`select
        (select count(*) from messages where direction = 'in' and processed_at is null)::int
        + (select count(*) from outbox where status in ('pending', 'sending'))::int as waiting`);
        return rows[0]?.waiting === 0;
      },
      30_000,
    );
    expect(fake.sent()).toHaveLength(sentBefore + messages.length);
    sentBefore = fake.sent().length;
  }

  it('stays up, is not ready while the database is cut off, and recovers alone', async () => {
    const messages = simulatedMessages({
      channel,
      contacts: 40,
      perContact: 5,
      prefix: 'pgcut',
      start: new Date(),
      firstWaId: 5584991000000,
    });
    const log: DeliveryLog = { answers: [], acknowledgedAt: new Map() };
    const delivering = deliverUntilAcknowledged({
      baseUrl: () => server.url,
      messages,
      appSecret,
      concurrency: 16,
      log,
    });

    await until('a third of the burst acknowledged', () => log.acknowledgedAt.size >= messages.length / 3, 30_000);
    proxy.cut();
    const cutAt = performance.now();
    // While cut: every probe answers 503 within a second, and the process stays up.
    const probes: { status: number; ms: number }[] = [];
    while (performance.now() - cutAt < 3000) {
      probes.push(await probeReady(server.url));
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(server.child.exitCode, server.output()).toBeNull();
    expect(probes.length).toBeGreaterThan(5);
    for (const p of probes) {
      expect(p.status).toBe(503);
      expect(p.ms).toBeLessThan(1000);
    }

    proxy.restore();
    const restoredAt = performance.now();
    await until('ready again', async () => (await probeReady(server.url)).status === 200, 30_000);
    const readyAfterMs = performance.now() - restoredAt;
    await delivering;
    await expectEveryMessageAnsweredOnce(messages);
    const answeredAfterMs = performance.now() - restoredAt;
    console.log(
      `postgres cut 3 s: ready ${readyAfterMs.toFixed(0)} ms after restore; every reply sent ${answeredAfterMs.toFixed(0)} ms after restore; ` +
        `${log.answers.filter((a) => a.status !== 200).length} deliveries not acknowledged (redelivered)`,
    );
    expect(server.child.exitCode, server.output()).toBeNull();
    // Webhooks the database could not take are turned away as "try again" (503), never as a bug.
    expect(log.answers.filter((a) => a.status !== 200 && a.status !== 503).map((a) => a.status)).toEqual([]);
    expect(readyAfterMs).toBeLessThan(5000);
    // Seconds, not the 20–30 s of locks and leases the failed passes left behind.
    expect(answeredAfterMs).toBeLessThan(12_000);
  }, 120_000);

  it('answers readiness in time through a network partition, then carries on', async () => {
    const messages = simulatedMessages({
      channel,
      contacts: 20,
      perContact: 5,
      prefix: 'pgstall',
      start: new Date(),
      firstWaId: 5584993000000,
    });
    const log: DeliveryLog = { answers: [], acknowledgedAt: new Map() };
    const delivering = deliverUntilAcknowledged({
      baseUrl: () => server.url,
      messages,
      appSecret,
      concurrency: 8,
      log,
    });

    await until('a third of the burst acknowledged', () => log.acknowledgedAt.size >= messages.length / 3, 30_000);
    proxy.stall();
    const stalledAt = performance.now();
    // Queries and new connections hang rather than fail: readiness must not hang with them.
    const probes: { status: number; ms: number }[] = [];
    while (performance.now() - stalledAt < 3000) probes.push(await probeReady(server.url));
    proxy.restore();
    expect(probes.length).toBeGreaterThan(2);
    for (const p of probes) {
      expect(p.status).toBe(503);
      expect(p.ms).toBeLessThan(1000);
    }
    await delivering;
    await expectEveryMessageAnsweredOnce(messages);
    expect(server.child.exitCode, server.output()).toBeNull();
  }, 120_000);

  it('survives pg_terminate_backend on its active backends', async () => {
    const messages = simulatedMessages({
      channel,
      contacts: 40,
      perContact: 5,
      prefix: 'pgkill',
      start: new Date(),
      firstWaId: 5584992000000,
    });
    const log: DeliveryLog = { answers: [], acknowledgedAt: new Map() };
    const delivering = deliverUntilAcknowledged({
      baseUrl: () => server.url,
      messages,
      appSecret,
      concurrency: 16,
      log,
    });

    let terminated = 0;
    for (const share of [0.2, 0.4, 0.6]) {
      await until(`${share * 100}% acknowledged`, () => log.acknowledgedAt.size >= messages.length * share, 30_000);
      // Backends are busy only now and then: try until at least one in the middle of a query goes.
      await until(
        'an active backend terminated',
        async () => {
          // In the select list, so it runs only on the rows the filter kept (never on our own).
          const killed = await admin.query<{ done: boolean }>(
            `select pg_terminate_backend(pid) as done from pg_stat_activity
            where datname = $1 and pid <> pg_backend_pid() and state <> 'idle'`,
            [databaseName],
          );
          const n = killed.rows.filter((r) => r.done).length;
          terminated += n;
          return n > 0;
        },
        10_000,
      );
    }
    const lastKillAt = performance.now();
    await delivering;
    await expectEveryMessageAnsweredOnce(messages);
    expect(log.answers.filter((a) => a.status !== 200 && a.status !== 503).map((a) => a.status)).toEqual([]);
    console.log(
      `pg_terminate_backend: ${terminated} active backends terminated; every reply sent ${(performance.now() - lastKillAt).toFixed(0)} ms after the last`,
    );
    expect(server.child.exitCode, server.output()).toBeNull();
    expect((await probeReady(server.url)).status).toBe(200);
  }, 120_000);
});

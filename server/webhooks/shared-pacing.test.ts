import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connect.ts';
import { insertCampaign } from '../db/queries/campaigns.ts';
import { simulatedMessages } from '../testing/echo-conversations.ts';
import { startFakeGraphApi, type FakeGraph } from '../testing/fake-graph-api.ts';
import { echoFlow } from '../testing/messaging-harness.ts';
import { seedServer } from '../testing/seed-server.ts';
import { startServerProcess, type ServerProcess } from '../testing/server-process.ts';
import { createTestDatabaseUrl } from '../testing/test-db.ts';
import { createWebhookClient } from '../testing/webhook-client.ts';

const channel = { phoneNumberId: '106000000000318', displayPhone: '15550100318', wabaId: '0' };
const appSecret = 'shared-pacing-app-secret';
const accessToken = 'EAAG-shared-pacing-token';
/** A low tier, so that a few dozen sends take several seconds. */
const tier = 5;

/**
 * Two server processes on one Postgres and one Redis send two campaigns and a flow's replies
 * on one number: every send of the number goes through one limiter shared in Redis, at the
 * number's tier. Runs only with DATABASE_URL and REDIS_URL set (see vitest.config.ts).
 */
describe("one number's sends from two instances", () => {
  let fake: FakeGraph;
  let dataDir: string;
  let database: Awaited<ReturnType<typeof createTestDatabaseUrl>>;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'fluxo-pacing-'));
    database = await createTestDatabaseUrl();
    fake = await startFakeGraphApi({ expectedToken: accessToken });
    const secretKey = 'shared-pacing-secret-key-shared-pacing-xx';
    await seedServer({
      databaseUrl: database?.url,
      dataDir,
      secretKey,
      flow: echoFlow,
      channels: [{ phoneNumberId: channel.phoneNumberId, appSecret, accessToken }],
      markRead: false,
    });
    const env = {
      DATA_DIR: dataDir,
      SECRET_KEY: secretKey,
      WHATSAPP_GRAPH_URL: fake.url,
      FLUXO_LOG: 'warn',
      DATABASE_URL: database?.url ?? '',
      REDIS_URL: process.env.REDIS_URL ?? '',
    };
    servers.push(...(await Promise.all([startServerProcess(env), startServerProcess(env)])));
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await fake.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('never sends more than the tier in any second, campaigns and replies together', async () => {
    const { db, close } = await openDatabase({ databaseUrl: database?.url, dataDir, poolSize: 1 });
    const now = new Date();
    try {
      await db.updateTable('channels').set({ throughput: tier }).execute();
      for (const name of ['a', 'b']) {
        const audience = Array.from({ length: 15 }, (_, i) => ({
          phone: `55849930${name === 'a' ? 1 : 2}${String(i).padStart(4, '0')}`,
          name: `Pessoa ${i}`,
          variables: {},
        }));
        await insertCampaign(db, {
          name: `Campanha ${name}`,
          channel_id: `channel-${channel.phoneNumberId}`,
          flow_id: null,
          template: JSON.stringify({ name: 'promo', language: 'pt_BR', parameters: [] }),
          audience: JSON.stringify(audience),
          audience_filter: null,
          schedule: null,
          status: 'scheduled',
          scheduled_at: now,
          created_by: null,
        });
      }
    } finally {
      await close();
    }
    // Meanwhile ten contacts write to the flow, through either instance.
    const messages = simulatedMessages({ channel, contacts: 10, perContact: 1, prefix: 'pace', start: now });
    const clients = servers.map((s) => createWebhookClient(s.url, { maxSockets: 4 }));
    const posted = await Promise.all(messages.map((m, i) => clients[i % 2]!.post(m.body, appSecret)));
    clients.forEach((c) => c.close());
    expect(posted.map((r) => r.status)).toEqual(messages.map(() => 200));

    const sent = await fake.waitForSent(40, 60_000);
    expect(sent.filter((r) => (r.body as { type?: string }).type === 'template')).toHaveLength(30);
    const perSecond = new Map<number, number>();
    for (const r of sent) {
      const second = Math.floor(r.at.getTime() / 1000);
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
    }
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(tier);
    // 40 sends at 5 a second: at least 8 distinct seconds (a burst would fit in one).
    expect(perSecond.size).toBeGreaterThanOrEqual(8);
  }, 90_000);
});

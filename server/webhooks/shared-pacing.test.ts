import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeGraph } from '../testing/fake-graph-api.ts';
import type { ServerProcess } from '../testing/server-process.ts';
import { startServerInstances, type ServerInstances } from '../testing/server-instances.ts';
import { insertCampaign } from '../db/queries/campaigns.ts';
import { simulatedMessages } from '../testing/echo-conversations.ts';
import { echoFlow } from '../testing/messaging-harness.ts';
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
  let instances: ServerInstances;
  let fake: FakeGraph;
  let servers: ServerProcess[];

  beforeAll(async () => {
    instances = await startServerInstances({
      name: 'pacing',
      flow: echoFlow,
      channel,
      appSecret,
      accessToken,
      markRead: false,
    });
    ({ fake, servers } = instances);
  }, 120_000);
  afterAll(() => instances?.stop());

  it('never sends more than the tier in any second, campaigns and replies together', async () => {
    const db = await instances.db();
    const now = new Date();
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

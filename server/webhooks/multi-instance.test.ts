import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeGraph } from '../testing/fake-graph-api.ts';
import type { ServerProcess } from '../testing/server-process.ts';
import { startServerInstances, type ServerInstances } from '../testing/server-instances.ts';
import { simulatedMessages, tallyReplies } from '../testing/echo-conversations.ts';
import { echoFlow } from '../testing/messaging-harness.ts';
import { createWebhookClient } from '../testing/webhook-client.ts';

const channel = { phoneNumberId: '106000000000072', displayPhone: '15550100072', wabaId: '0' };
const appSecret = 'multi-instance-app-secret';
const accessToken = 'EAAG-multi-token';

/**
 * Two server processes on one Postgres and one Redis, as behind a load balancer. Meta's
 * deliveries land on either, and a redelivered message may land on both at once. Runs only
 * with DATABASE_URL and REDIS_URL set (see vitest.config.ts).
 */
describe('two instances on the same Postgres and Redis', () => {
  let instances: ServerInstances;
  let fake: FakeGraph;
  let servers: ServerProcess[];

  beforeAll(async () => {
    instances = await startServerInstances({
      name: 'multi',
      flow: echoFlow,
      channel,
      appSecret,
      accessToken,
      statusCallbacks: true,
    });
    ({ fake, servers } = instances);
  }, 120_000);
  afterAll(() => instances?.stop());

  it("replies once to every message, in each contact's order, wherever the webhooks land", async () => {
    const contacts = 30;
    const perContact = 6;
    const messages = simulatedMessages({ channel, contacts, perContact, prefix: 'multi', start: new Date() });
    const clients = servers.map((s) => createWebhookClient(s.url, { maxSockets: 16 }));
    // Each contact writes in turn (the next message after the previous was acknowledged), to
    // alternating instances; every third message is also delivered to the other one at once.
    await Promise.all(
      Array.from({ length: contacts }, async (_, c) => {
        for (const m of messages.filter((x) => x.contact === messages[c]!.contact)) {
          const first = clients[m.index % 2]!;
          const other = clients[(m.index + 1) % 2]!;
          const posts =
            m.index % 3 === 0
              ? [first.post(m.body, appSecret), other.post(m.body, appSecret)]
              : [first.post(m.body, appSecret)];
          for (const r of await Promise.all(posts)) expect(r.status).toBe(200);
        }
      }),
    );
    clients.forEach((c) => c.close());

    await fake.waitForSent(messages.length, 60_000);
    await fake.statusCallbacksIdle();
    const tally = tallyReplies(fake.sent(), messages);
    expect(tally.missing).toEqual([]);
    expect(tally.duplicated).toEqual([]);
    for (const [contact, replies] of tally.byContact) {
      const own = messages.filter((m) => m.contact === contact).map((m) => `Recebi: ${m.text}`);
      expect(replies, contact).toEqual([expect.stringMatching(/^Olá/), ...own.slice(1)]);
    }
    expect(fake.sent()).toHaveLength(messages.length);
  }, 120_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeGraph } from '../testing/fake-graph-api.ts';
import type { ServerProcess } from '../testing/server-process.ts';
import { startServerInstances, type ServerInstances } from '../testing/server-instances.ts';
import { simulatedMessages, tallyReplies } from '../testing/echo-conversations.ts';
import { echoFlow } from '../testing/messaging-harness.ts';
import { createWebhookClient } from '../testing/webhook-client.ts';

const channel = { phoneNumberId: '106000000000073', displayPhone: '15550100073', wabaId: '0' };
const appSecret = 'web-and-workers-app-secret';
const accessToken = 'EAAG-web-and-workers-token';
const metricsToken = 'web-and-workers-metrics-token';

/** One series' value from a Prometheus text page, summed over the label sets matching `labels`. */
function sumOf(page: string, name: string, labels: string): number {
  return page
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) && line.includes(labels))
    .reduce((total, line) => total + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

/**
 * FLUXO_ROLE: one `web` process takes Meta's webhooks, two `worker` processes run the flows and
 * send the replies, on one Postgres and one Redis (as `docker compose up --scale worker=2`).
 * Runs only with DATABASE_URL and REDIS_URL set (see vitest.config.ts).
 */
describe('a web process and two workers', () => {
  let instances: ServerInstances;
  let fake: FakeGraph;
  let web: ServerProcess;
  let workers: ServerProcess[] = [];

  beforeAll(async () => {
    instances = await startServerInstances({
      name: 'roles',
      flow: echoFlow,
      channel,
      appSecret,
      accessToken,
      roles: ['web', 'worker', 'worker'],
      statusCallbacks: true,
      env: { METRICS_TOKEN: metricsToken },
    });
    ({ fake } = instances);
    [web, ...workers] = instances.servers as [ServerProcess, ...ServerProcess[]];
  }, 120_000);
  afterAll(() => instances?.stop());

  const metricsOf = async (s: ServerProcess) =>
    (await fetch(`${s.url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })).text();

  it('a worker serves no webhooks or API, only health and metrics', async () => {
    const worker = workers[0]!;
    expect((await fetch(`${worker.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${worker.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${worker.url}/webhooks/whatsapp`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await fetch(`${worker.url}/api/flows`)).status).toBe(404);
    expect((await fetch(`${web.url}/api/flows`)).status).toBe(401);
  });

  it('replies once to every message, and both workers take a share of the work', async () => {
    const contacts = 40;
    const perContact = 5;
    const messages = simulatedMessages({ channel, contacts, perContact, prefix: 'roles', start: new Date() });
    const client = createWebhookClient(web.url, { maxSockets: 16 });
    await Promise.all(
      Array.from({ length: contacts }, async (_, c) => {
        for (const m of messages.filter((x) => x.contact === messages[c]!.contact)) {
          // Every fourth message is delivered twice at once, as Meta does after a slow answer.
          const posts =
            m.index % 4 === 0
              ? [client.post(m.body, appSecret), client.post(m.body, appSecret)]
              : [client.post(m.body, appSecret)];
          for (const r of await Promise.all(posts)) expect(r.status).toBe(200);
        }
      }),
    );
    client.close();

    await fake.waitForSent(messages.length, 60_000);
    await fake.statusCallbacksIdle();
    const tally = tallyReplies(fake.sent(), messages);
    expect(tally.missing).toEqual([]);
    expect(tally.duplicated).toEqual([]);
    expect(fake.sent()).toHaveLength(messages.length);

    // The web process answered the webhooks and ran no flow; the workers split the flows and sends.
    const [webPage, ...workerPages] = await Promise.all([web, ...workers].map(metricsOf));
    expect(sumOf(webPage!, 'fluxo_webhook_answer_seconds_count', 'status="200"')).toBeGreaterThanOrEqual(
      messages.length,
    );
    expect(sumOf(webPage!, 'fluxo_messages_total', 'direction="in"')).toBe(0);
    const handled = workerPages.map((p) => sumOf(p, 'fluxo_messages_total', 'direction="in"'));
    const sent = workerPages.map((p) => sumOf(p, 'fluxo_messages_total', 'direction="out"'));
    expect(handled.reduce((a, b) => a + b, 0)).toBe(messages.length);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(messages.length);
    for (const n of handled) expect(n).toBeGreaterThan(0);

    // Each stage is timed where it runs: the web process reads and stores, the workers run and send.
    const stage = (page: string, name: string) => sumOf(page, 'fluxo_stage_seconds_count', `stage="${name}"`);
    for (const name of ['parse', 'verify', 'store', 'status']) expect(stage(webPage!, name)).toBeGreaterThan(0);
    for (const name of ['claim', 'step', 'commit', 'outbox', 'send', 'record']) {
      expect(stage(webPage!, name)).toBe(0);
      expect(workerPages.reduce((n, p) => n + stage(p, name), 0)).toBeGreaterThan(0);
    }
    expect(workerPages.reduce((n, p) => n + stage(p, 'step'), 0)).toBeGreaterThanOrEqual(contacts);
  }, 120_000);
});

import { Agent, request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connect.ts';
import { simulatedMessages, tallyReplies, type SimulatedMessage } from '../testing/echo-conversations.ts';
import { deliverUntilAcknowledged } from '../testing/meta-delivery.ts';
import { useServerRig } from '../testing/server-rig.ts';
import { createWebhookClient, type PostResult } from '../testing/webhook-client.ts';

// Its own number: the Redis rate limit is per number and shared by test files running at once.
const channel = { phoneNumberId: '106000000000082', displayPhone: '15550100082', wabaId: '0' };
const appSecret = 'graceful-stop-app-secret';
const accessToken = 'EAAG-graceful-stop-token';

interface Probe {
  status: number;
  connection?: string;
  localPort?: number;
  error?: string;
}

/** GET /healthz on `agent`'s kept-alive connection: the status, `Connection` header and socket. */
function probe(url: string, agent: Agent): Promise<Probe> {
  return new Promise((resolve) => {
    const req = request(`${url}/healthz`, { agent }, (res) => {
      const localPort = res.socket.localPort;
      res.resume();
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          connection: res.headers.connection,
          ...(localPort ? { localPort } : {}),
        }),
      );
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ status: 0, error: err.code ?? err.message }));
    req.end();
  });
}

/**
 * SIGTERM in the middle of a stream of signed webhooks on kept-alive connections (as Meta
 * sends them). The stop must be orderly: requests in flight are answered as usual, later ones
 * 503 (Meta delivers them again), never 500, and no request has its connection reset; the
 * process exits 0, and after a restart every stored message is processed, each answered once.
 */
describe('graceful stop under a stream of webhooks', () => {
  const rig = useServerRig('graceful-stop', { phoneNumberId: channel.phoneNumberId, appSecret, accessToken });

  it('answers no 500, resets no request, exits 0, and loses nothing', async () => {
    const fake = rig.fake;
    const env = await rig.prepare();
    const messages = simulatedMessages({ channel, contacts: 40, perContact: 5, prefix: 'stop', start: new Date() });
    const running = await rig.start(env);
    const exited = new Promise<number | null>((resolve) => running.child.once('exit', (code) => resolve(code)));

    // The stream: 8 posters on kept-alive connections; SIGTERM once a third is acknowledged.
    // Each message is posted once here; what was not acknowledged is delivered again later.
    const results = new Map<SimulatedMessage, PostResult>();
    const client = createWebhookClient(running.url, { maxSockets: 8 });
    let next = 0;
    let signalled = false;
    let exitedYet = false;
    void exited.then(() => {
      exitedYet = true;
    });
    // A kept-alive connection that sits idle when the signal comes, and is used after it.
    const idleAgent = new Agent({ keepAlive: true, maxSockets: 1 });
    const before = await probe(running.url, idleAgent);
    expect(before).toMatchObject({ status: 200, connection: 'keep-alive' });
    const afterSignal: Probe[] = [];
    let idleUsed: Promise<void> = Promise.resolve();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < messages.length && !exitedYet) {
          const m = messages[next++]!;
          results.set(m, await client.post(m.body, appSecret));
          const acked = [...results.values()].filter((x) => x.status === 200).length;
          if (!signalled && acked >= messages.length / 3) {
            signalled = true;
            running.child.kill('SIGTERM');
            idleUsed = (async () => {
              // Until the signal is handled the server answers as usual; then on this same
              // connection it must say 503 and that it closes, not drop it under the request.
              for (;;) {
                const p = await probe(running.url, idleAgent);
                afterSignal.push(p);
                if (p.status !== 200) break;
                await new Promise((r) => setTimeout(r, 5));
              }
            })();
          }
        }
      }),
    );
    client.close();
    await idleUsed;
    idleAgent.destroy();
    const code = await exited;
    const turnedAway = afterSignal.at(-1);
    expect(turnedAway).toEqual({ status: 503, connection: 'close', localPort: before.localPort });

    const answers = [...results.values()];
    const statuses = new Set(answers.map((a) => a.status));
    expect(code, running.output()).toBe(0);
    expect(statuses.has(500), running.output()).toBe(false);
    // No answer is fine only when the connection was refused (nobody listens any more).
    expect(answers.filter((a) => a.status === 0 && a.error !== 'ECONNREFUSED').map((a) => a.error)).toEqual([]);
    expect(answers.filter((a) => ![0, 200, 503].includes(a.status)).map((a) => a.status)).toEqual([]);
    // The stop really happened mid-stream: some were turned away or refused.
    expect(answers.filter((a) => a.status !== 200).length + (messages.length - results.size)).toBeGreaterThan(0);
    console.log(
      `graceful stop: ${answers.filter((a) => a.status === 200).length} acknowledged, ` +
        `${answers.filter((a) => a.status === 503).length} answered 503, ${answers.filter((a) => a.status === 0).length} refused, ` +
        `${messages.length - results.size} not yet sent`,
    );

    const restarted = await rig.start(env);
    const redeliver = messages.filter((m) => results.get(m)?.status !== 200);
    await deliverUntilAcknowledged({ baseUrl: () => restarted.url, messages: redeliver, appSecret, concurrency: 8 });

    await fake.waitForSent(messages.length, 60_000);
    await fake.statusCallbacksIdle();
    await restarted.stop();
    expect(restarted.child.exitCode).toBe(0);
    const db = await openDatabase({ databaseUrl: rig.databaseUrl, dataDir: rig.dataDir });
    try {
      const unprocessed = await db.db
        .selectFrom('messages')
        .select('id')
        .where('direction', '=', 'in')
        .where('processed_at', 'is', null)
        .execute();
      expect(unprocessed).toEqual([]);
      const leased = await db.db.selectFrom('contacts').select('id').where('lease_owner', 'is not', null).execute();
      expect(leased).toEqual([]);
    } finally {
      await db.close();
    }
    const tally = tallyReplies(fake.sent(), messages);
    expect(tally.missing).toEqual([]);
    expect(tally.duplicated).toEqual([]);
    expect(fake.sent()).toHaveLength(messages.length);
  }, 120_000);
});

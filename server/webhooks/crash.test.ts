import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connect.ts';
import { simulatedMessages, tallyReplies, type SimulatedMessage } from '../testing/echo-conversations.ts';
import { useServerRig } from '../testing/server-rig.ts';
import { createWebhookClient, type PostResult } from '../testing/webhook-client.ts';

// Its own number: the Redis rate limit is per number and shared by test files running at once.
const channel = { phoneNumberId: '106000000000071', displayPhone: '15550100071', wabaId: '0' };
const appSecret = 'crash-test-app-secret';
const accessToken = 'EAAG-crash-token';

/**
 * The real server in a child process is SIGKILLed in the middle of a burst of webhooks, then
 * started again on the same database. Meta's behaviour is simulated on both sides: webhooks
 * not answered 200 are delivered again, and status webhooks (echoing our outbox ids) are
 * retried until the server is back. Every message must get exactly one reply.
 */
describe('crash in the middle of a burst', () => {
  const rig = useServerRig('crash', { phoneNumberId: channel.phoneNumberId, appSecret, accessToken });

  it('sends every reply exactly once across a SIGKILL and restart', async () => {
    const fake = rig.fake;
    const env = await rig.prepare({
      // Short for a quick test, yet long enough after the restart: a send whose outcome was
      // lost must be confirmed by its status webhook before the reconcile delay runs out.
      FLUXO_LEASE_MS: '2000',
      FLUXO_RECONCILE_MS: '6000',
    });
    const messages = simulatedMessages({ channel, contacts: 40, perContact: 5, prefix: 'crash', start: new Date() });
    let server = await rig.start(env);

    // The burst: 16 concurrent posters; the server is killed once a third is acknowledged.
    const results = new Map<SimulatedMessage, PostResult>();
    const client = createWebhookClient(server.url, { maxSockets: 16 });
    let next = 0;
    let killing: Promise<void> | null = null;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < messages.length) {
          const m = messages[next++]!;
          const r = await client.post(m.body, appSecret);
          results.set(m, r);
          const acked = [...results.values()].filter((x) => x.status === 200).length;
          if (!killing && acked >= messages.length / 3) killing = server.kill();
        }
      }),
    );
    await killing;
    client.close();
    const unacknowledged = messages.filter((m) => results.get(m)?.status !== 200);
    expect(unacknowledged.length).toBeGreaterThan(0);

    server = await rig.start(env);
    const again = createWebhookClient(server.url, { maxSockets: 16 });
    // Meta redelivers what was not answered 200, and sometimes what was (duplicates).
    const redeliver = [...unacknowledged, ...messages.filter((m) => results.get(m)?.status === 200).slice(0, 20)];
    for (const m of redeliver) expect((await again.post(m.body, appSecret)).status).toBe(200);
    again.close();

    const expectedReplies = messages.length;
    await fake.waitForSent(expectedReplies, 60_000);
    // Once every status webhook is stored, every accepted send is recorded as sent: nothing is
    // left that could still go out a second time.
    await fake.statusCallbacksIdle();
    await server.stop();
    const db = await openDatabase({ databaseUrl: rig.databaseUrl, dataDir: rig.dataDir });
    try {
      const unsent = await db.db
        .selectFrom('outbox')
        .select(['id', 'status'])
        .where('kind', '=', 'message')
        .where('status', 'in', ['pending', 'sending'])
        .execute();
      expect(unsent).toEqual([]);
      const unprocessed = await db.db
        .selectFrom('messages')
        .select('id')
        .where('direction', '=', 'in')
        .where('processed_at', 'is', null)
        .execute();
      expect(unprocessed).toEqual([]);
    } finally {
      await db.close();
    }

    const tally = tallyReplies(fake.sent(), messages);
    expect(tally.missing).toEqual([]);
    expect(tally.duplicated).toEqual([]);
    expect(fake.sent()).toHaveLength(expectedReplies);
  }, 120_000);
});

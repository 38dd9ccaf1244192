import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretBox } from '../auth/secret-box.ts';
import { silentLogger } from '../logger.ts';
import type { RateLimiter } from '../queue/rate-limiter.ts';
import { startFakeGraphApi, type FakeGraph } from '../testing/fake-graph-api.ts';
import { createTestDb, type TestDb } from '../testing/test-db.ts';
import { createChannelDirectory } from '../channels/channel-directory.ts';
import { createGraphClient } from '../whatsapp/graph-client.ts';
import { createSender } from './sender.ts';

const accessToken = 'EAAG-sender-test-token';
const channelId = 'ch-sender-test';
const phoneNumberId = '106000000000094';

/** A limiter that refuses its first `n` takes, as the Redis one did while Redis was down. */
function refusingFirst(n: number): RateLimiter & { takes: number } {
  const limiter = {
    takes: 0,
    async take() {
      limiter.takes += 1;
      if (limiter.takes <= n) throw new Error('Connection is closed.');
    },
  };
  return limiter;
}

describe('sender: a send that never left', () => {
  let t: TestDb;
  let fake: FakeGraph;
  const secrets = createSecretBox('sender-test-secret-key-sender-test-secret');
  const graph = { client: null as ReturnType<typeof createGraphClient> | null };

  beforeAll(async () => {
    t = await createTestDb();
    fake = await startFakeGraphApi({ expectedToken: accessToken });
    graph.client = createGraphClient({ baseUrl: fake.url, version: 'v23.0', timeoutMs: 5000 });
    await t.db
      .insertInto('channels')
      .values({
        id: channelId,
        name: 'Loja',
        phone_number_id: phoneNumberId,
        access_token_enc: secrets.seal(accessToken),
        app_secret_enc: secrets.seal('app-secret'),
        verify_token: 'v',
      })
      .execute();
  });
  afterAll(async () => {
    graph.client?.close();
    await fake.close();
    await t.close();
  });

  async function queuedReply(text: string) {
    const contactId = randomUUID();
    const waId = `55849${Math.floor(Math.random() * 1e8)}`;
    await t.db
      .insertInto('contacts')
      .values({ id: contactId, channel_id: channelId, wa_id: waId, name: 'Ana', variables: '{}' })
      .execute();
    const messageId = randomUUID();
    const payload = { graph: { messaging_product: 'whatsapp', to: waId, type: 'text', text: { body: text } } };
    await t.db
      .insertInto('messages')
      .values({
        id: messageId,
        channel_id: channelId,
        contact_id: contactId,
        direction: 'out',
        type: 'text',
        text,
        status: 'pending',
        payload: JSON.stringify(payload),
      })
      .execute();
    const outboxId = randomUUID();
    await t.db
      .insertInto('outbox')
      .values({
        id: outboxId,
        message_id: messageId,
        channel_id: channelId,
        contact_id: contactId,
        status: 'pending',
        next_attempt_at: new Date(0),
      })
      .execute();
    return { outboxId, messageId };
  }

  it('backs off, instead of waiting for reconcile, when no connection to Meta could be opened', async () => {
    const { outboxId } = await queuedReply('Seu pedido saiu para entrega.');
    const gone = await startFakeGraphApi();
    await gone.close();
    const refused = createGraphClient({ baseUrl: gone.url, version: 'v23.0', timeoutMs: 1000 });
    const now = new Date();
    const sends = createSender(
      {
        db: t.db,
        clock: { now: () => now },
        logger: silentLogger,
        channels: createChannelDirectory(t.db, secrets),
        graph: refused,
        limiter: refusingFirst(0),
        lockMs: 20_000,
        reconcileMs: 15_000,
        startedAt: new Date(0),
        batchSize: 8,
        random: () => 0.5,
      },
      () => undefined,
    );
    await sends.pass();
    await sends.drain();
    refused.close();
    const row = await t.db.selectFrom('outbox').selectAll().where('id', '=', outboxId).executeTakeFirstOrThrow();
    // Pending with an ordinary backoff (half of 2 s for attempt 1), not `sending` for 15 s more.
    expect(row).toMatchObject({ status: 'pending', locked_until: null, attempts: 1 });
    expect(new Date(row.next_attempt_at).getTime() - now.getTime()).toBe(1000);
    expect(row.last_error).toMatch(/^retry: network error/);
    await t.db.deleteFrom('outbox').where('id', '=', outboxId).execute();
  });

  it('goes back to the queue at once when the rate limiter refused it, and out on the next pass', async () => {
    const { outboxId, messageId } = await queuedReply('Olá! Tudo certo por aqui.');
    const limiter = refusingFirst(1);
    // Production's lock and reconcile delay: waiting for them is what must not happen.
    const sends = createSender(
      {
        db: t.db,
        clock: { now: () => new Date() },
        logger: silentLogger,
        channels: createChannelDirectory(t.db, secrets),
        graph: graph.client!,
        limiter,
        lockMs: 20_000,
        reconcileMs: 15_000,
        startedAt: new Date(0),
        batchSize: 8,
      },
      () => undefined,
    );

    await sends.pass();
    await sends.drain();
    expect(limiter.takes).toBe(1);
    const row = await t.db.selectFrom('outbox').selectAll().where('id', '=', outboxId).executeTakeFirstOrThrow();
    // Pending and due, its attempt given back (nothing reached Meta), and why it is there.
    expect(row).toMatchObject({ status: 'pending', locked_until: null, attempts: 0 });
    expect(row.last_error).toMatch(/^not sent: Connection is closed/);
    expect(fake.sent()).toHaveLength(0);

    await sends.pass();
    await sends.drain();
    expect(fake.sent().map((s) => (s.body as { text?: { body?: string } }).text?.body)).toEqual([
      'Olá! Tudo certo por aqui.',
    ]);
    expect(await t.db.selectFrom('outbox').select('id').where('id', '=', outboxId).executeTakeFirst()).toBeUndefined();
    const message = await t.db
      .selectFrom('messages')
      .select(['status', 'wamid'])
      .where('id', '=', messageId)
      .executeTakeFirstOrThrow();
    expect(message.status).toBe('accepted');
    expect(message.wamid).toBeTruthy();
  });
});

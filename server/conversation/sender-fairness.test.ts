import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretBox } from '../auth/secret-box.ts';
import { createChannelDirectory } from '../channels/channel-directory.ts';
import { silentLogger } from '../logger.ts';
import { createLocalRateLimiter } from '../queue/rate-limiter.ts';
import { startFakeGraphApi, type FakeGraph } from '../testing/fake-graph-api.ts';
import { createTestDb, type TestDb } from '../testing/test-db.ts';
import { createGraphClient } from '../whatsapp/graph-client.ts';
import { createSender } from './sender.ts';

const accessToken = 'EAAG-sender-fairness-token';
const channelId = 'ch-sender-fairness';

/**
 * Issue 23: at saturation a few contacts waited seconds for replies queued long before others
 * went out. When the sender had less room than contacts with a reply due, it took the first
 * heads in contact id order, so a contact whose id sorts late waited while earlier-sorting
 * contacts kept being served. The oldest reply must go first, whoever its contact is.
 */
describe('sender: the oldest due reply first, across contacts', () => {
  let t: TestDb;
  let fake: FakeGraph;
  const secrets = createSecretBox('sender-fairness-secret-key-sender-fairness');
  let graph: ReturnType<typeof createGraphClient>;

  beforeAll(async () => {
    t = await createTestDb();
    fake = await startFakeGraphApi({ expectedToken: accessToken });
    graph = createGraphClient({ baseUrl: fake.url, version: 'v23.0', timeoutMs: 5000 });
    await t.db
      .insertInto('channels')
      .values({
        id: channelId,
        name: 'Loja',
        phone_number_id: '106000000000095',
        access_token_enc: secrets.seal(accessToken),
        app_secret_enc: secrets.seal('app-secret'),
        verify_token: 'v',
      })
      .execute();
  });
  afterAll(async () => {
    graph.close();
    await fake.close();
    await t.close();
  });

  /** A contact (with this id) and one reply queued for it now: later calls queue later rows. */
  async function queueReply(contactId: string, n: number, text: string) {
    const waId = String(5584997000000 + n);
    await t.db
      .insertInto('contacts')
      .values({ id: contactId, channel_id: channelId, wa_id: waId, name: 'C', variables: '{}' })
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
    await t.db
      .insertInto('outbox')
      .values({
        id: randomUUID(),
        message_id: messageId,
        channel_id: channelId,
        contact_id: contactId,
        status: 'pending',
        next_attempt_at: new Date(0),
      })
      .execute();
  }

  it('sends the reply queued first when there is room for one, though its contact id sorts last', async () => {
    // Queued oldest first: the contact sorting last, then three sorting before it.
    await queueReply('zz-contact-waiting-longest', 0, 'primeira da fila');
    for (const [i, id] of ['aa-contact', 'bb-contact', 'cc-contact'].entries())
      await queueReply(id, i + 1, `depois ${i}`);
    const sends = createSender(
      {
        db: t.db,
        clock: { now: () => new Date() },
        logger: silentLogger,
        channels: createChannelDirectory(t.db, secrets),
        graph,
        limiter: createLocalRateLimiter(),
        lockMs: 20_000,
        reconcileMs: 15_000,
        startedAt: new Date(0),
        batchSize: 1,
      },
      () => undefined,
    );
    await sends.pass();
    await sends.drain();
    expect(fake.sent().map((r) => (r.body as { text: { body: string } }).text.body)).toEqual(['primeira da fila']);
    // Then the others, in the order they were queued.
    for (let i = 0; i < 3; i++) {
      await sends.pass();
      await sends.drain();
    }
    expect(fake.sent().map((r) => (r.body as { text: { body: string } }).text.body)).toEqual([
      'primeira da fila',
      'depois 0',
      'depois 1',
      'depois 2',
    ]);
  });
});

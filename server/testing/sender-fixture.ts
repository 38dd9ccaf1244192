import { randomUUID } from 'node:crypto';
import { createSecretBox } from '../auth/secret-box.ts';
import { createChannelDirectory } from '../channels/channel-directory.ts';
import type { Db } from '../db/database.ts';
import { silentLogger } from '../logger.ts';
import { createSender, type SenderOptions } from '../conversation/sender.ts';
import { createGraphClient, type GraphClient } from '../whatsapp/graph-client.ts';
import { startFakeGraphApi, type FakeGraph } from './fake-graph-api.ts';
import { createTestDb } from './test-db.ts';

/** The channel the sender sends for: its Graph API token is the one the fake expects. */
export interface SenderChannel {
  id: string;
  phoneNumberId: string;
  accessToken: string;
}

/** The contact a queued reply goes to. */
export interface ReplyContact {
  id: string;
  waId: string;
  name: string;
}

/** What a sender needs besides the fixture's own parts; the rest defaults to production's delays. */
export type SenderChoices = Pick<SenderOptions, 'limiter' | 'batchSize'> & Partial<SenderOptions>;

export interface SenderFixture {
  db: Db;
  fake: FakeGraph;
  /** A client to the fake Graph API, closed with the fixture. */
  graph: GraphClient;
  /** A contact and one text reply to it in the outbox, due since the epoch: later calls queue later rows. */
  queueReply(contact: ReplyContact, text: string): Promise<{ outboxId: string; messageId: string }>;
  /** A sender over this database and channel, sending to the fake unless `graph` says otherwise. */
  sender(choices: SenderChoices): ReturnType<typeof createSender>;
  close(): Promise<void>;
}

/**
 * What the sender's tests stand on: a fresh database holding one channel (its secrets sealed as
 * the server seals them), a fake Graph API expecting the channel's token, and a client to it.
 */
export async function startSenderFixture(channel: SenderChannel): Promise<SenderFixture> {
  const testDb = await createTestDb();
  const db = testDb.db;
  const fake = await startFakeGraphApi({ expectedToken: channel.accessToken });
  const graph = createGraphClient({ baseUrl: fake.url, version: 'v23.0', timeoutMs: 5000 });
  const secrets = createSecretBox('sender-fixture-secret-key-sender-fixture');
  await db
    .insertInto('channels')
    .values({
      id: channel.id,
      name: 'Loja',
      phone_number_id: channel.phoneNumberId,
      access_token_enc: secrets.seal(channel.accessToken),
      app_secret_enc: secrets.seal('app-secret'),
      verify_token: 'v',
    })
    .execute();

  return {
    db,
    fake,
    graph,
    async queueReply(contact, text) {
      await db
        .insertInto('contacts')
        .values({ id: contact.id, channel_id: channel.id, wa_id: contact.waId, name: contact.name, variables: '{}' })
        .execute();
      const messageId = randomUUID();
      const payload = {
        graph: { messaging_product: 'whatsapp', to: contact.waId, type: 'text', text: { body: text } },
      };
      await db
        .insertInto('messages')
        .values({
          id: messageId,
          channel_id: channel.id,
          contact_id: contact.id,
          direction: 'out',
          type: 'text',
          text,
          status: 'pending',
          payload: JSON.stringify(payload),
          processed_at: new Date(),
        })
        .execute();
      const outboxId = randomUUID();
      await db
        .insertInto('outbox')
        .values({
          id: outboxId,
          message_id: messageId,
          channel_id: channel.id,
          contact_id: contact.id,
          status: 'pending',
          next_attempt_at: new Date(0),
        })
        .execute();
      return { outboxId, messageId };
    },
    sender(choices) {
      return createSender(
        {
          db,
          clock: { now: () => new Date() },
          logger: silentLogger,
          channels: createChannelDirectory(db, secrets),
          graph,
          // Production's lock and reconcile delay: a test that waits for them has found a bug.
          lockMs: 20_000,
          reconcileMs: 15_000,
          startedAt: new Date(0),
          ...choices,
        },
        () => undefined,
      );
    },
    async close() {
      graph.close();
      await fake.close();
      await testDb.close();
    },
  };
}

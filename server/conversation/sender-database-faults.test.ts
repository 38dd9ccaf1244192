import { randomUUID } from 'node:crypto';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.ts';
import { createTestDb, type TestDb } from '../testing/test-db.ts';
import type { ChannelDirectory, ChannelInfo } from '../channels/channel-directory.ts';
import type { GraphClient } from '../whatsapp/graph-client.ts';
import { createSender } from './sender.ts';
import { insertBareChannel } from '../testing/bare-channel.ts';

const channel: ChannelInfo = {
  id: 'ch-sender-test',
  phoneNumberId: '106000000000086',
  appSecret: 'x',
  accessToken: 'x',
  flowId: null,
  markRead: false,
  healthy: true,
  proven: true,
  webhookVerified: true,
  throughput: 80,
};

/**
 * Lets the sender's claim run and commit, then loses its answer, as a connection dropped right
 * after the commit does: the rows are `sending` under the sender's name, and it never knew.
 */
function loseTheNextClaimsAnswer(): KyselyPlugin {
  const claims = new Set<unknown>();
  let armed = true;
  return {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      if (armed && JSON.stringify(args.node).includes("update outbox o set status = 'sending'"))
        claims.add(args.queryId);
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      if (claims.has(args.queryId)) {
        armed = false;
        claims.clear();
        throw Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' });
      }
      return args.result;
    },
  };
}

describe('the sender after a database failure', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await insertBareChannel(t.db, channel.id, channel.phoneNumberId);
  });
  afterAll(() => t.close());

  it('sends at once a reply whose claim committed but whose answer was lost, not after its lock', async () => {
    const contactId = randomUUID();
    await t.db
      .insertInto('contacts')
      .values({
        id: contactId,
        channel_id: channel.id,
        wa_id: '5584997000001',
        name: 'Ana',
        last_inbound_at: new Date(),
        variables: '{}',
      })
      .execute();
    const messageId = randomUUID();
    await t.db
      .insertInto('messages')
      .values({
        id: messageId,
        channel_id: channel.id,
        contact_id: contactId,
        direction: 'out',
        type: 'text',
        text: 'Olá!',
        status: 'pending',
        payload: JSON.stringify({
          graph: { messaging_product: 'whatsapp', to: '5584997000001', type: 'text', text: { body: 'Olá!' } },
        }),
      })
      .execute();
    await t.db
      .insertInto('outbox')
      .values({
        id: randomUUID(),
        message_id: messageId,
        channel_id: channel.id,
        contact_id: contactId,
        status: 'pending',
        next_attempt_at: new Date(Date.now() - 1000),
      })
      .execute();

    const sent: Record<string, unknown>[] = [];
    const graph = {
      sendMessage: async (_id: string, _token: string, payload: Record<string, unknown>) => {
        sent.push(payload);
        return { ok: true as const, wamid: `wamid.sent.${sent.length}` };
      },
    } as unknown as GraphClient; // Only replies are sent here.
    const channels = { byId: async () => channel } as unknown as ChannelDirectory; // Only `byId` is used.
    const sender = createSender(
      {
        db: t.db.withPlugin(loseTheNextClaimsAnswer()),
        clock: { now: () => new Date() },
        logger: silentLogger,
        channels,
        graph,
        limiter: { take: async () => undefined },
        lockMs: 20_000,
        reconcileMs: 15_000,
        startedAt: new Date(),
        batchSize: 8,
        owner: '88:1/sender',
      },
      () => undefined,
    );

    await expect(sender.pass()).rejects.toThrow('Connection terminated');
    expect(await t.db.selectFrom('outbox').select(['status', 'lock_owner']).execute()).toEqual([
      { status: 'sending', lock_owner: '88:1/sender' },
    ]);
    // The database is back: the next pass finds the orphaned claim and sends it.
    await sender.pass();
    await sender.drain();
    expect(sent.map((p) => (p.text as { body: string }).body)).toEqual(['Olá!']);
    expect(await t.db.selectFrom('outbox').select('id').execute()).toEqual([]);
  });
});

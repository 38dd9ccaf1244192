import { randomUUID } from 'node:crypto';
import { CompiledQuery, sql, type KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.ts';
import { insertBareChannel } from '../testing/bare-channel.ts';
import { createTestDb, type TestDb } from '../testing/test-db.ts';
import { claimWork } from './leases.ts';
import { insertOutboundRows, type OutboundMessageRow } from './outbound-rows.ts';

const channelId = 'ch-pending-plan';

/** The statements `work` sends, compiled as the database receives them. */
async function statementsOf(db: Db, work: (spy: Db) => Promise<unknown>): Promise<CompiledQuery[]> {
  const seen: CompiledQuery[] = [];
  const spy: KyselyPlugin = {
    transformQuery: ({ node, queryId }) => {
      seen.push(db.getExecutor().compileQuery(node, queryId));
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  await work(db.withPlugin(spy));
  return seen;
}

async function planOf(db: Db, query: CompiledQuery): Promise<string> {
  const result = await db.executeQuery<{ 'QUERY PLAN': string }>(
    CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]),
  );
  return result.rows.map((r) => r['QUERY PLAN']).join('\n');
}

/**
 * The claim finds contacts with work through the partial index of waiting inbound messages.
 * When outbound rows kept `processed_at` null, the statistics said half the table was null and
 * the planner read every message on every claim instead: a cost that grew with the history.
 */
describe('the pending queue as the planner sees it', () => {
  let t: TestDb;
  let contactId: string;
  beforeAll(async () => {
    t = await createTestDb();
    await insertBareChannel(t.db, channelId, '106000000000091');
    contactId = randomUUID();
    await t.db
      .insertInto('contacts')
      .values({ id: contactId, channel_id: channelId, wa_id: '5584996000001', name: 'Ana', variables: '{}' })
      .execute();
  });
  afterAll(() => t.close());

  it('writes outbound messages as processed, so only waiting inbound ones are null', async () => {
    const replies: OutboundMessageRow[] = Array.from({ length: 2000 }, (_, i) => ({
      id: randomUUID(),
      channel_id: channelId,
      contact_id: contactId,
      type: 'text',
      text: `resposta ${i}`,
      status: 'pending',
      session_id: null,
      author_kind: 'bot',
      author_id: null,
      payload: {},
      error: null,
    }));
    await t.db.transaction().execute((tx) => insertOutboundRows(tx, { messages: replies, outbox: [] }, new Date()));
    // A long history of inbound messages beside them, each waited and then was handled.
    await sql`insert into messages (id, channel_id, contact_id, direction, wamid, type, text, status, payload)
      select gen_random_uuid()::text, ${channelId}, ${contactId}, 'in', 'wamid.plan.' || i, 'text', 'oi', 'received', '{}'
      from generate_series(1, 2000) as i`.execute(t.db);
    await sql`update messages set processed_at = now() where direction = 'in'`.execute(t.db);

    const nulls = await t.db
      .selectFrom('messages')
      .select(['direction', (eb) => eb.fn.countAll<number>().as('n')])
      .where('processed_at', 'is', null)
      .groupBy('direction')
      .execute();
    expect(nulls).toEqual([]);
  });

  it('expects few waiting messages, and reads them through their partial index, once the table is analyzed', async () => {
    await sql`vacuum analyze messages`.execute(t.db);
    const estimate = await planOf(
      t.db,
      CompiledQuery.raw(`select id from messages where direction = 'in' and processed_at is null`),
    );
    expect(Number(/rows=(\d+)/.exec(estimate)?.[1])).toBeLessThan(10);
    const [claim] = await statementsOf(t.db, (spy) => claimWork(spy, 'plan:1', new Date(), 30_000, 50));
    const plan = await planOf(t.db, claim!);
    expect(plan).not.toMatch(/Seq Scan on messages/);
    expect(plan).toMatch(/messages_pending_idx/);
  });
});

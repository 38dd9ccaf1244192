import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationProvider } from '../../migrations/index.ts';
import { createTestDb, type TestDb } from '../testing/test-db.ts';

/** Orders taken before 0016 get a number and empty delivery fields; each status gets its message. */
describe('migration 0016 (order delivery and notifications)', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  it('numbers the orders it finds, keeps numbering new ones, seeds one message per status, and goes down cleanly', async () => {
    const migrator = new Migrator({ db: t.db, provider: migrationProvider });
    const down = await migrator.migrateTo('0013_name_send_lock_holders');
    expect(down.error).toBeUndefined();
    const { db } = t;
    await db
      .insertInto('orders')
      .values([
        { id: 'old-1', status: 'delivered', total_cents: 100 },
        { id: 'old-2', status: 'new', total_cents: 200 },
      ])
      .execute();

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const old = await db
      .selectFrom('orders')
      .select(['number', 'address', 'channel_id', 'payment_method'])
      .orderBy('number')
      .execute();
    expect(old).toEqual([
      { number: 1, address: '', channel_id: null, payment_method: null },
      { number: 2, address: '', channel_id: null, payment_method: null },
    ]);
    await db.insertInto('orders').values({ id: 'new-1', status: 'new', total_cents: 300 }).execute();
    expect(
      (await db.selectFrom('orders').select('number').where('id', '=', 'new-1').executeTakeFirstOrThrow()).number,
    ).toBe(3);
    const messages = await db.selectFrom('order_notifications').select(['status', 'enabled']).execute();
    expect(Object.fromEntries(messages.map((m) => [m.status, m.enabled]))).toEqual({
      new: false,
      confirmed: true,
      preparing: true,
      shipped: true,
      delivered: true,
      cancelled: true,
      // Migration 0036: a payment confirmed once the conversation is over.
      paid: true,
    });

    expect((await migrator.migrateTo('0013_name_send_lock_holders')).error).toBeUndefined();
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../testing/test-db.ts';

describe('database', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.close();
  });

  it('starts migrated and empty', async () => {
    const tables = await sql<{
      n: number;
    }>`select count(*)::int as n from information_schema.tables where table_schema = 'public'`.execute(t.db);
    expect(tables.rows[0]?.n).toBeGreaterThanOrEqual(18);
    expect(await t.db.selectFrom('flows').selectAll().execute()).toEqual([]);
  });

  it('rolls back a failed transaction and serialises concurrent ones', async () => {
    await expect(
      t.db.transaction().execute(async (tx) => {
        await tx.insertInto('categories').values({ id: 'c1', name: 'Bebidas' }).execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await t.db.selectFrom('categories').selectAll().execute()).toEqual([]);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.db.transaction().execute(async (tx) => {
          await tx
            .insertInto('categories')
            .values({ id: `c${i}`, name: `cat ${i}` })
            .execute();
        }),
      ),
    );
    const n = await t.db
      .selectFrom('categories')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(20);
  });
});

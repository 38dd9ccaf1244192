import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationProvider } from '../../migrations/index.ts';
import { createTestDb, type TestDb } from '../testing/test-db.ts';

/** Messages keep room on their pages for status updates, and one of two identical indexes goes. */
describe('migration 0041 (message writes)', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  const messageIndexes = async () =>
    (
      await sql<{
        indexname: string;
      }>`select indexname from pg_indexes where tablename = 'messages'`.execute(t.db)
    ).rows
      .map((r) => r.indexname)
      .sort();
  const options = async () =>
    (
      await sql<{ reloptions: string[] | null }>`select reloptions from pg_class where relname = 'messages'`.execute(
        t.db,
      )
    ).rows[0]?.reloptions ?? null;

  it('leaves 15 % of each page free and keeps one index on created_at, and goes down and up again', async () => {
    expect(await options()).toEqual(['fillfactor=85']);
    const indexes = await messageIndexes();
    expect(indexes).toContain('messages_created_at_idx');
    expect(indexes).not.toContain('messages_time_idx');

    const migrator = new Migrator({ db: t.db, provider: migrationProvider });
    expect((await migrator.migrateTo('0040_mark_outbound_processed')).error).toBeUndefined();
    expect(await options()).toBeNull();
    expect(await messageIndexes()).toEqual([...indexes, 'messages_time_idx'].sort());
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await messageIndexes()).toEqual(indexes);
  });
});

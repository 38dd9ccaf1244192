import { Kysely, PostgresDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabaseUrl } from '../testing/test-db.ts';
import { createPostgresPool } from './postgres-pool.ts';
import { prepared } from './prepared-statements.ts';

/** Plan modes are a Postgres matter: runs in the Postgres + Redis pass (see vitest.config.ts). */
describe('marked statements on a Postgres pool', () => {
  let database: { url: string; drop(): Promise<void> };
  let db: Kysely<Record<string, never>>;

  beforeAll(async () => {
    const created = await createTestDatabaseUrl();
    if (!created) throw new Error('needs DATABASE_URL (runs in the Postgres + Redis pass)');
    database = created;
    // One connection, so every statement below shares the session whose mode is switched.
    const pool = createPostgresPool({ connectionString: database.url, max: 1, onConnectionError: () => undefined });
    db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  const markedMode = async (executor: Kysely<Record<string, never>> = db) =>
    (
      await sql<{
        mode: string;
        n: number;
      }>`${sql.raw(prepared)} select current_setting('plan_cache_mode') as mode, ${1}::int as n`.execute(executor)
    ).rows[0]?.mode;
  const plainMode = async (executor: Kysely<Record<string, never>> = db) =>
    (await sql<{ mode: string }>`select current_setting('plan_cache_mode') as mode, ${2}::int as n`.execute(executor))
      .rows[0]?.mode;

  it('runs marked statements with generic plans and every other statement with custom ones', async () => {
    expect(await plainMode()).toBe('auto');
    expect(await markedMode()).toBe('force_generic_plan');
    expect(await markedMode()).toBe('force_generic_plan');
    expect(await plainMode()).toBe('auto');
    expect(await markedMode()).toBe('force_generic_plan');
    // A statement without values has nothing to plan with: the mode is left as it is.
    expect(
      (await sql<{ mode: string }>`select current_setting('plan_cache_mode') as mode`.execute(db)).rows[0]?.mode,
    ).toBe('force_generic_plan');
  });

  it('never switches inside a transaction, so a rollback cannot leave the connection in the wrong mode', async () => {
    expect(await markedMode()).toBe('force_generic_plan');
    // The mode goes back before the transaction starts: its statements run as they always have.
    await expect(
      db.transaction().execute(async (tx) => {
        expect(await plainMode(tx)).toBe('auto');
        expect(await markedMode(tx)).toBe('auto');
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await plainMode()).toBe('auto');
    expect(await markedMode()).toBe('force_generic_plan');
    expect(await plainMode()).toBe('auto');
  });
});

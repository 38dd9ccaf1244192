import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGliteDialect } from './pglite-dialect.ts';
import { startPGliteThread, type EmbeddedPostgres } from './pglite-thread.ts';
import { prepared, preparedGeneric } from './prepared-statements.ts';

interface Schema {
  items: { id: string; n: number; tags: string[]; doc: unknown; at: Date; ok: boolean | null };
}

// The server's embedded database: PGlite on a worker thread, queries sent as one protocol
// exchange, marked statements prepared once. Runs whatever DATABASE_URL says.
describe('embedded database thread', () => {
  let dir: string;
  let pglite: EmbeddedPostgres;
  let db: Kysely<Schema>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fluxo-thread-'));
    pglite = await startPGliteThread(join(dir, 'pglite'));
    db = new Kysely<Schema>({ dialect: new PGliteDialect(pglite) });
    await sql`create table items (id text primary key, n int8 not null, tags text[] not null, doc jsonb, at timestamptz not null, ok boolean)`.execute(
      db,
    );
  }, 30_000);
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends parameters as node-postgres does and reads rows back typed', async () => {
    const at = new Date('2026-11-22T10:00:00.123Z');
    await db
      .insertInto('items')
      .values({ id: 'a', n: 7, tags: ['x', 'y, z', 'quote"d'], doc: JSON.stringify({ k: [1, 2] }), at, ok: true })
      .execute();
    const row = await db.selectFrom('items').selectAll().where('id', '=', 'a').executeTakeFirstOrThrow();
    expect(row).toEqual({ id: 'a', n: 7, tags: ['x', 'y, z', 'quote"d'], doc: { k: [1, 2] }, at, ok: true });
    const found = await sql<{
      id: string;
    }>`select id from items where id = any(${['a', 'b']}::text[]) and coalesce(${null}::text, id) = id`.execute(db);
    expect(found.rows).toEqual([{ id: 'a' }]);
  });

  it('reports affected rows for writes without a result', async () => {
    const none = await db.updateTable('items').set({ n: 1 }).where('id', '=', 'missing').executeTakeFirst();
    expect(none.numUpdatedRows).toBe(0n);
    const one = await db.updateTable('items').set({ n: 8 }).where('id', '=', 'a').executeTakeFirst();
    expect(one.numUpdatedRows).toBe(1n);
  });

  it('keeps a prepared statement usable after its first run failed, with the error code intact', async () => {
    const insert = (id: string) =>
      sql`${sql.raw(prepared)} insert into items (id, n, tags, at) values (${id}, 1, '{}', now()) returning id`.execute(
        db,
      );
    // The first run parses the named statement, then fails at execution (duplicate key).
    await expect(insert('a')).rejects.toMatchObject({ code: '23505' });
    await expect(insert('p1')).resolves.toMatchObject({ rows: [{ id: 'p1' }] });
    await expect(insert('p2')).resolves.toMatchObject({ rows: [{ id: 'p2' }] });
    await expect(insert('p2')).rejects.toMatchObject({ code: '23505' });
    // A statement that does not parse is not remembered: fixing nothing, it fails the same way again.
    const broken = () => sql`${sql.raw(prepared)} select nope from items`.execute(db);
    await expect(broken()).rejects.toMatchObject({ code: '42703' });
    await expect(broken()).rejects.toMatchObject({ code: '42703' });
  });

  it('runs statements marked generic with their generic plan, and leaves the others to Postgres', async () => {
    type Mode = { mode: string };
    const generic = (ex: Kysely<Schema> = db) =>
      sql<Mode>`${sql.raw(preparedGeneric)} select current_setting('plan_cache_mode') as mode, ${'x'}::text as plan_check`
        .execute(ex)
        .then((r) => r.rows[0]!.mode);
    const marked = () =>
      sql<Mode>`${sql.raw(prepared)} select current_setting('plan_cache_mode') as mode, ${1}::int as one`
        .execute(db)
        .then((r) => r.rows[0]!.mode);
    const unnamed = () =>
      sql<Mode>`select current_setting('plan_cache_mode') as mode, ${1}::int as one`
        .execute(db)
        .then((r) => r.rows[0]!.mode);

    expect(await generic()).toBe('force_generic_plan');
    expect(await unnamed()).toBe('auto');
    expect(await generic()).toBe('force_generic_plan');
    expect(await marked()).toBe('auto');
    // A SET made inside a transaction is undone by its rollback: the next generic statement sets it again.
    await expect(
      db.transaction().execute(async (tx) => {
        expect(await generic(tx)).toBe('force_generic_plan');
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await generic()).toBe('force_generic_plan');

    for (let i = 0; i < 8; i++) await generic();
    const plans = await sql<{ generic_plans: string; custom_plans: string }>`
      select generic_plans, custom_plans from pg_prepared_statements where statement like '%as plan_check'`.execute(db);
    expect(plans.rows.map((r) => Number(r.custom_plans))).toEqual([0]);
    expect(Number(plans.rows[0]!.generic_plans)).toBeGreaterThanOrEqual(10);
  });

  it('rolls a failed transaction back and runs concurrent ones one after another', async () => {
    await expect(
      db.transaction().execute(async (tx) => {
        await tx
          .insertInto('items')
          .values({ id: 't0', n: 0, tags: [], doc: null, at: new Date(), ok: null })
          .execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.selectFrom('items').select('id').where('id', '=', 't0').execute()).toEqual([]);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db.transaction().execute(async (tx) => {
          const { n } = await tx
            .selectFrom('items')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow();
          await tx
            .insertInto('items')
            .values({ id: `t${i + 1}`, n: Number(n), tags: [], doc: null, at: new Date(), ok: null })
            .execute();
        }),
      ),
    );
    const counts = await db.selectFrom('items').select('n').where('id', 'like', 't%').orderBy('n').execute();
    // Each transaction saw the rows of those before it: none interleaved.
    expect(new Set(counts.map((c) => c.n)).size).toBe(10);
  });

  it('runs an urgent statement ahead of those still waiting, and those in the order they came', async () => {
    await pglite.query('create table arrivals (n int generated always as identity, name text not null)');
    const busy = pglite.query('select pg_sleep(0.1)');
    const plain = ['p1', 'p2', 'p3'].map((name) => pglite.query('insert into arrivals (name) values ($1)', [name]));
    const urgent = pglite.query('insert into arrivals (name) values ($1)', ['urgent'], { urgent: true });
    await Promise.all([busy, ...plain, urgent]);
    const { rows } = await pglite.query<{ name: string }>('select name from arrivals order by n');
    // The statement running when it came finished first; then the urgent one, then the rest.
    expect(rows.map((r) => r.name)).toEqual(['urgent', 'p1', 'p2', 'p3']);
  });

  it('fails to start, with the reason, on a data directory it cannot use', async () => {
    const notADir = join(dir, 'a-file');
    writeFileSync(notADir, 'not a database');
    await expect(startPGliteThread(join(notADir, 'pglite'))).rejects.toThrow(/ENOTDIR|not a directory/i);
  }, 30_000);

  it('fails queries after close instead of hanging', async () => {
    const other = await startPGliteThread(join(dir, 'second'));
    await other.close();
    await expect(other.query('select 1')).rejects.toThrow(/closed/);
  }, 30_000);
});

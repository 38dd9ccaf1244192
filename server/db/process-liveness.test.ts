import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabaseUrl } from '../testing/test-db.ts';
import { until } from '../testing/until.ts';
import { holdLivenessLock, livenessLockSpace, type LivenessLock } from './process-liveness.ts';

/** Advisory locks are a Postgres matter: runs in the Postgres + Redis pass (see vitest.config.ts). */
describe('liveness lock', () => {
  let database: { url: string; drop(): Promise<void> };
  let observer: pg.Client;
  const held: LivenessLock[] = [];

  beforeAll(async () => {
    const created = await createTestDatabaseUrl();
    if (!created) throw new Error('needs DATABASE_URL (runs in the Postgres + Redis pass)');
    database = created;
    observer = new pg.Client({ connectionString: database.url });
    await observer.connect();
  });
  afterAll(async () => {
    await Promise.all(held.map((l) => l.release()));
    await observer?.end();
    await database?.drop();
  });

  /** Whether some other session holds `key` (we could not take it for a transaction). */
  async function heldElsewhere(key: number) {
    await observer.query('begin');
    try {
      const { rows } = await observer.query<{ free: boolean }>('select pg_try_advisory_xact_lock($1, $2) as free', [
        livenessLockSpace,
        key,
      ]);
      return !rows[0]?.free;
    } finally {
      await observer.query('rollback');
    }
  }

  it('gives each live process its own key, held until release', async () => {
    const problems: string[] = [];
    const a = await holdLivenessLock(database.url, (msg) => problems.push(msg));
    const b = await holdLivenessLock(database.url, (msg) => problems.push(msg));
    held.push(a, b);
    expect(a.key).not.toBe(b.key);
    expect(await heldElsewhere(a.key)).toBe(true);
    expect(await heldElsewhere(b.key)).toBe(true);
    await b.release();
    expect(await heldElsewhere(b.key)).toBe(false);
    expect(problems).toEqual([]);
  });

  it('takes its lock again when its session is terminated (a Postgres restart)', async () => {
    const problems: string[] = [];
    const lock = await holdLivenessLock(database.url, (msg) => problems.push(msg));
    held.push(lock);
    await observer.query(
      `select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and classid = $1 and objid = $2 and granted`,
      [livenessLockSpace, lock.key],
    );
    // Right after the terminate the old backend may still hold the lock for a moment, so
    // "held" alone proves nothing: first the loss is seen, then the lock is held again.
    await until(
      'the connection loss to be noticed',
      () => problems.includes('liveness lock connection lost'),
      10_000,
      100,
    );
    await until('the lock to be taken again', () => heldElsewhere(lock.key), 10_000, 100);
  });
});

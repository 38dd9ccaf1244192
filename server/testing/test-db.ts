import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import type { Db } from '../db/database.ts';
import { PGliteDialect } from '../db/pglite-dialect.ts';
import { startPGliteThread } from '../db/pglite-thread.ts';
import { withDatabase } from './global-setup.ts';
import { templateTarball } from './paths.ts';

export interface TestDb {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Connection string of this test's own database (Postgres only), for extra processes. */
  url?: string;
  close(): Promise<void>;
}

let tarball: Uint8Array | undefined;

/** A fresh, migrated database of its own for one test file or test. */
export async function createTestDb(): Promise<TestDb> {
  const template = inject('pgTemplate');
  const url = process.env.DATABASE_URL;
  if (template && url) {
    const name = `fluxo_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    const pool = new pg.Pool({ connectionString: withDatabase(url, name), max: 10 });
    // An idle client dropped by the server must not crash the test process.
    pool.on('error', () => undefined);
    const db = new Kysely<never>({ dialect: new PostgresDialect({ pool }) }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      url: withDatabase(url, name),
      close: async () => {
        await db.destroy();
        await admin.query(`drop database if exists ${name}`);
        await admin.end();
      },
    };
  }
  tarball ??= new Uint8Array(readFileSync(templateTarball()));
  // On its own thread, as the server runs it: the tests go through the same query path.
  const pglite = await startPGliteThread(undefined, { loadDataDir: tarball });
  const db = new Kysely<never>({ dialect: new PGliteDialect(pglite) }) as unknown as Db;
  return { db, kind: 'pglite', close: () => db.destroy() };
}

/**
 * A fresh, migrated Postgres database (a copy of the run's template) for a server started as
 * a child process, which connects by URL. Null without DATABASE_URL: use a temp DATA_DIR.
 */
export async function createTestDatabaseUrl(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const template = inject('pgTemplate');
  const url = process.env.DATABASE_URL;
  if (!template || !url) return null;
  const name = `fluxo_p_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(url, name),
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      // Killed servers may leave connections Postgres has not noticed yet.
      await c.query(`drop database if exists ${name} with (force)`).finally(() => c.end());
    },
  };
}

import { mkdirSync } from 'node:fs';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrationProvider } from '../../migrations/index.ts';
import type { Db } from './database.ts';
import { ConnectionGate } from './connection-gate.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { startPGliteThread } from './pglite-thread.ts';
import { createPostgresPool } from './postgres-pool.ts';
import { countStatement, ioCounting } from '../metrics/io-count.ts';

// Return int8 (counts, identity ids) as JS numbers when they fit, as PGlite does.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
});

export interface DatabaseTarget {
  /** Postgres connection string; when absent, embedded PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Pool size for Postgres. */
  poolSize?: number;
  /** Embedded only: the database thread died (the server exits rather than run without it). */
  onEmbeddedFailure?: (err: Error) => void;
  /** Embedded only: where to write the database thread's time per statement (FLUXO_SQL_PROFILE). */
  sqlProfileFile?: string | undefined;
  /** Postgres only: a connection broke (the query on it fails; the pool opens new ones). */
  onConnectionError?: (err: Error) => void;
}

export interface OpenDatabase {
  db: Db;
  /**
   * For webhook storage, which Meta waits on. Embedded, its statements go ahead of background
   * work queued for PGlite's one connection; on Postgres (a pool) it is `db` itself.
   */
  urgentDb: Db;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  if (target.databaseUrl) {
    const pool = createPostgresPool({
      connectionString: target.databaseUrl,
      max: target.poolSize ?? 10,
      onConnectionError: target.onConnectionError ?? ((err) => console.warn('postgres connection error:', err.message)),
    });
    const db = new Kysely<never>({ dialect: new PostgresDialect({ pool }), ...counted() }) as unknown as Db;
    return { db, urgentDb: db, kind: 'postgres', close: () => db.destroy() };
  }
  const dir = `${target.dataDir}/pglite`;
  mkdirSync(dir, { recursive: true });
  // On its own thread: PGlite runs Postgres synchronously on the thread that calls it.
  const pglite = await startPGliteThread(dir, {
    onFailure: target.onEmbeddedFailure,
    profileFile: target.sqlProfileFile,
  });
  const gate = new ConnectionGate();
  const db = new Kysely<never>({ dialect: new PGliteDialect(pglite, { gate }), ...counted() }) as unknown as Db;
  const urgentDb = new Kysely<never>({
    dialect: new PGliteDialect(pglite, { gate, urgent: true, closesDatabase: false }),
    ...counted(),
  }) as unknown as Db;
  return { db, urgentDb, kind: 'pglite', close: () => db.destroy() };
}

/** Kysely's query log (begin and commit included) feeds the bench's statement counts; off otherwise. */
const counted = () =>
  ioCounting() ? { log: (event: { query: { sql: string } }) => countStatement(event.query.sql) } : {};

/** Brings the schema up to date; fails loudly with the migration that broke. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

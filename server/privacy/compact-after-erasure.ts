import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

const embedded = new WeakMap<Db, Promise<boolean>>();
/** PGlite says so in `version()` ("PostgreSQL 18.6 (PGlite 0.5.16) on wasm32-unknown-emscripten…"). */
function isEmbedded(db: Db): Promise<boolean> {
  let known = embedded.get(db);
  if (!known) {
    known = sql<{ v: string }>`select version() as v`.execute(db).then((r) => (r.rows[0]?.v ?? '').includes('PGlite'));
    embedded.set(db, known);
  }
  return known;
}

/**
 * After an erasure the deleted rows are still bytes on disk: in the tables' pages until they are
 * reused, in index pages, and in the write-ahead log that recorded their insertion. On the
 * embedded database, whose files sit in DATA_DIR, this makes them unrecoverable:
 * VACUUM FULL rewrites each table and its indexes into new files (the old ones are unlinked;
 * a plain VACUUM leaves index entries behind), and a WAL switch plus a CHECKPOINT with
 * `wal_recycle` off deletes the old log segments instead of renaming them for reuse with their
 * contents. VACUUM FULL locks each table while it copies it: seconds on a large install, which
 * an erasure (a rare, manual act) may take.
 *
 * On Postgres the files, WAL archive, replicas and backups belong to the database's operator;
 * the regular vacuum loop reclaims the rows, and the operator's retention covers the rest.
 */
export async function compactAfterErasure(db: Db, tables: string[]): Promise<void> {
  if (!(await isEmbedded(db))) return;
  for (const table of tables) await sql`vacuum full ${sql.table(table)}`.execute(db);
  await sql`set wal_recycle = off`.execute(db);
  await sql`select pg_switch_wal()`.execute(db);
  await sql`checkpoint`.execute(db);
}

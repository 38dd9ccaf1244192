import pg from 'pg';
import { prepareMarkedStatements } from './prepared-statements.ts';

export interface PostgresPoolOptions {
  connectionString: string;
  max: number;
  /** A connection broke (restart, failover, `pg_terminate_backend`, network cut): log it. */
  onConnectionError: (err: Error) => void;
}

/**
 * Postgres is allowed to go away. A client whose connection drops emits `'error'`; pg-pool
 * listens only while the client is idle, so one dropped mid-query (checked out by Kysely) had
 * no listener and Node ended the process, every instance at once. Here every client has one
 * for its whole life: the query in flight fails (a worker loop runs it again on a later pass;
 * a webhook not stored is answered 503 and Meta delivers it again), the pool discards the
 * broken client when it is released (pg-pool drops clients that are no longer queryable), and
 * new clients are opened as soon as the database answers again.
 */
export function createPostgresPool(o: PostgresPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: o.connectionString,
    max: o.max,
    // Without a bound, a database that stops answering (a network cut that drops packets
    // instead of refusing) leaves every caller waiting for a connection forever.
    connectionTimeoutMillis: 10_000,
    // Lets the kernel notice a peer that vanished while a connection sits idle.
    keepAlive: true,
  });
  pool.on('connect', (client) => {
    client.on('error', o.onConnectionError);
  });
  // An idle client's error reaches the pool as well (it replaces the client); not fatal either.
  pool.on('error', o.onConnectionError);
  return prepareMarkedStatements(pool);
}

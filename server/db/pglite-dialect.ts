import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import { ConnectionGate } from './connection-gate.ts';
import type { EmbeddedPostgres } from './pglite-thread.ts';

export interface PGliteDialectOptions {
  /** Shared by every Kysely instance over the same database (see `urgent`). */
  gate?: ConnectionGate;
  /** This instance's callers wait ahead of the others' (webhook storage: Meta waits on it). */
  urgent?: boolean;
  /** False for a second instance over a database another one closes. */
  closesDatabase?: boolean;
}

/**
 * Kysely dialect for embedded PGlite (in this thread, or on its own: pglite-thread.ts). PGlite
 * is a single connection, so the driver hands it to one caller at a time: a transaction holds
 * it until commit or rollback.
 */
export class PGliteDialect implements Dialect {
  constructor(
    private readonly pglite: EmbeddedPostgres,
    private readonly options: PGliteDialectOptions = {},
  ) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    const { gate = new ConnectionGate(), urgent = false, closesDatabase = true } = this.options;
    return new PGliteDriver(this.pglite, gate, urgent, closesDatabase);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

class PGliteDriver implements Driver {
  private readonly connection: DatabaseConnection;

  constructor(
    private readonly pglite: EmbeddedPostgres,
    private readonly gate: ConnectionGate,
    private readonly urgent: boolean,
    private readonly closesDatabase: boolean,
  ) {
    this.connection = {
      executeQuery: async <R>(q: CompiledQuery): Promise<QueryResult<R>> => {
        const result = await pglite.query<R>(q.sql, [...q.parameters]);
        const affected = result.affectedRows;
        return affected === undefined || result.fields.length > 0
          ? { rows: result.rows }
          : { rows: result.rows, numAffectedRows: BigInt(affected) };
      },
      streamQuery: () => {
        throw new Error('streaming is not supported on embedded PGlite');
      },
    };
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.gate.acquire(this.urgent);
    return this.connection;
  }

  async releaseConnection(): Promise<void> {
    this.gate.release();
  }

  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('begin'));
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'));
  }
  async destroy(): Promise<void> {
    if (this.closesDatabase) await this.pglite.close();
  }
}

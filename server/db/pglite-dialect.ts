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
 * is a single connection: a transaction holds it from begin to commit or rollback, and
 * statements on their own are sent through the gate's pipeline (see `ConnectionGate`).
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
  constructor(
    private readonly pglite: EmbeddedPostgres,
    private readonly gate: ConnectionGate,
    private readonly urgent: boolean,
    private readonly closesDatabase: boolean,
  ) {}

  async init(): Promise<void> {}

  /**
   * Kysely asks for a connection before it says whether it wants a transaction: the turn is
   * taken later, by `beginTransaction` (the whole transaction) or by each statement alone.
   */
  async acquireConnection(): Promise<DatabaseConnection> {
    return new PGliteConnection(this.pglite, this.gate, this.urgent);
  }

  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    (conn as PGliteConnection).endTransaction();
  }

  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    await (conn as PGliteConnection).startTransaction();
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

/** One caller's use of the connection: a transaction's turn, or a turn per statement. */
class PGliteConnection implements DatabaseConnection {
  private holdsTransaction = false;

  constructor(
    private readonly pglite: EmbeddedPostgres,
    private readonly gate: ConnectionGate,
    private readonly urgent: boolean,
  ) {}

  async startTransaction(): Promise<void> {
    await this.gate.acquire('transaction', this.urgent);
    this.holdsTransaction = true;
  }

  /** Ends the transaction's turn, if this caller holds one (after commit, rollback, or a failed begin). */
  endTransaction(): void {
    if (!this.holdsTransaction) return;
    this.holdsTransaction = false;
    this.gate.release('transaction');
  }

  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    if (this.holdsTransaction) return this.run<R>(q, false);
    await this.gate.acquire('statement', this.urgent);
    try {
      // Outside a transaction the database thread may run it ahead of others sent before it.
      return await this.run<R>(q, this.urgent);
    } finally {
      this.gate.release('statement');
    }
  }

  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported on embedded PGlite');
  }

  private async run<R>(q: CompiledQuery, urgent: boolean): Promise<QueryResult<R>> {
    const result = await this.pglite.query<R>(q.sql, [...q.parameters], { urgent });
    const affected = result.affectedRows;
    return affected === undefined || result.fields.length > 0
      ? { rows: result.rows }
      : { rows: result.rows, numAffectedRows: BigInt(affected) };
  }
}

import { Worker } from 'node:worker_threads';

/** `urgent`: run ahead of statements still waiting (see pglite-worker.mjs for when that is safe). */
export interface EmbeddedQueryOptions {
  urgent?: boolean;
}

/** What the Kysely dialect needs of an embedded database: PGlite itself, or PGlite on a thread. */
export interface EmbeddedPostgres {
  query<R>(
    sql: string,
    params?: unknown[],
    options?: EmbeddedQueryOptions,
  ): Promise<{ rows: R[]; affectedRows?: number; fields: { name: string }[] }>;
  close(): Promise<void>;
}

interface Reply {
  id: number;
  rows?: unknown[];
  affectedRows?: number;
  fields?: { name: string }[];
  error?: Record<string, unknown> & { message: string };
  closed?: boolean;
}

/** A database error rebuilt on this side, with Postgres' fields (`code` is what retries test). */
function toError(e: Record<string, unknown> & { message: string }): Error {
  return Object.assign(new Error(e.message), e);
}

export interface PGliteThreadOptions {
  /** Start from this dump (`dumpDataDir`) instead of an empty database. */
  loadDataDir?: Uint8Array;
  onFailure?: (err: Error) => void;
  /** Writes the thread's time per statement to this file (FLUXO_SQL_PROFILE, see sql-profile.mjs). */
  profileFile?: string | undefined;
}

/**
 * Embedded PGlite in `dataDir` (in memory when undefined), run on a worker thread (see
 * pglite-worker.mjs for why). Queries are answered in the order they were sent.
 */
export async function startPGliteThread(
  dataDir: string | undefined,
  { loadDataDir, onFailure, profileFile }: PGliteThreadOptions = {},
): Promise<EmbeddedPostgres> {
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: { dataDir, loadDataDir, profileFile },
  });
  const waiting = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let failure: Error | null = null;

  await new Promise<void>((resolve, reject) => {
    const onMessage = (m: { ready?: boolean; error?: Record<string, unknown> & { message: string } }) => {
      if (m.ready === undefined) return;
      worker.off('message', onMessage);
      worker.off('error', reject);
      if (m.ready) resolve();
      else reject(toError(m.error ?? { message: 'embedded database failed to open' }));
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });

  worker.on('message', (m: Reply) => {
    const call = waiting.get(m.id);
    if (!call) return;
    waiting.delete(m.id);
    if (m.error) call.reject(toError(m.error));
    else call.resolve(m);
  });
  // A crashed thread fails what it held and everything after, and says so (the server exits,
  // for its supervisor to restart it: without its database it can only refuse webhooks).
  const fail = (err: Error) => {
    failure = err;
    for (const call of waiting.values()) call.reject(err);
    waiting.clear();
    onFailure?.(err);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (!failure) fail(new Error(`embedded database thread exited (${code})`));
  });

  const send = (message: { sql?: string; params?: unknown[]; close?: boolean } & EmbeddedQueryOptions) =>
    new Promise<Reply>((resolve, reject) => {
      if (failure) return reject(failure);
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, ...message });
    });

  return {
    async query<R>(sql: string, params: unknown[] = [], { urgent = false }: EmbeddedQueryOptions = {}) {
      const r = await send({ sql, params, urgent });
      return { rows: (r.rows ?? []) as R[], affectedRows: r.affectedRows, fields: r.fields ?? [] };
    },
    async close() {
      if (!failure) await send({ close: true });
      // Set before the thread exits, so its exit is not taken for a crash.
      failure ??= new Error('embedded database closed');
      await worker.terminate();
    },
  };
}

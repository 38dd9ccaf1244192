// @ts-check
/**
 * Embedded Postgres (PGlite) on a thread of its own. PGlite runs Postgres as WebAssembly on
 * the thread that calls it, synchronously: on the server's main thread every query stopped
 * HTTP, the engine and the sender until it finished, and webhooks could never batch (none
 * arrived while the previous one was being stored). Here the main thread keeps working while
 * Postgres does, on the other core.
 *
 * Each query goes to Postgres as ONE protocol exchange (parse, bind, describe, execute, sync)
 * instead of PGlite's `query()`, which makes five calls into Postgres per query. Statements
 * that start with the `/* fluxo:prepared *\/` marker are parsed and planned once, as named
 * statements, as the Postgres pool does (prepared-statements.ts). Parameters are turned into
 * text the way node-postgres does (`prepareValue`), so the same code runs the same on both.
 *
 * Plain JavaScript on purpose: a worker thread gets no TypeScript loader from vitest, and this
 * file must load the same under tsx, vitest and plain node.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, parse, protocol } from '@electric-sql/pglite';
import pgUtils from 'pg/lib/utils.js';

const preparedMarker = '/* fluxo:prepared */';
const { serialize } = protocol;

if (!parentPort) throw new Error('pglite-worker.mjs runs as a worker thread');
const port = parentPort;

/** @type {PGlite} */
let db;
/** Statement text → name of the statement prepared for it on this connection. */
const named = new Map();

/** @param {Uint8Array[]} parts */
function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * @param {string} text
 * @param {unknown[]} params
 */
async function run(text, params) {
  const values = params.map((v) => pgUtils.prepareValue(v));
  const parts = [];
  let statement = '';
  let parsing = null;
  if (text.startsWith(preparedMarker)) {
    statement = named.get(text) ?? '';
    if (!statement) {
      parsing = `fluxo_${named.size + 1}`;
      statement = parsing;
      parts.push(serialize.parse({ name: statement, text }));
    }
  } else {
    parts.push(serialize.parse({ text }));
  }
  parts.push(
    serialize.bind({ statement, values }),
    serialize.describe({ type: 'P' }),
    serialize.execute({}),
    serialize.sync(),
  );
  // Errors come back as messages: whether the statement got prepared must be known either way.
  const { messages } = await db.execProtocol(concat(parts), { throwOnError: false });
  if (parsing && messages.some((m) => m.name === 'parseComplete')) named.set(text, parsing);
  const error = messages.find((m) => m.name === 'error');
  if (error) throw error;
  const [result] = parse.parseResults(messages, db.parsers);
  return result ?? { rows: [], fields: [] };
}

/**
 * The fields callers test for (SQLSTATE `code` above all); an Error's own fields do not survive postMessage.
 * @param {unknown} err
 */
function describeError(err) {
  const e = /** @type {Record<string, unknown>} */ (err instanceof Object ? err : { message: String(err) });
  const out = /** @type {Record<string, unknown>} */ ({ message: e.message ?? String(err) });
  for (const key of [
    'code',
    'severity',
    'detail',
    'hint',
    'position',
    'schema',
    'table',
    'column',
    'dataType',
    'constraint',
    'routine',
  ]) {
    if (e[key] !== undefined) out[key] = e[key];
  }
  return out;
}

// One query at a time, in arrival order: a transaction's statements must not interleave.
let queue = Promise.resolve();
port.on('message', (/** @type {{ id: number; sql?: string; params?: unknown[]; close?: boolean }} */ msg) => {
  queue = queue.then(async () => {
    if (msg.close) {
      await db.close();
      port.postMessage({ id: msg.id, closed: true });
      return;
    }
    try {
      const r = await run(msg.sql ?? '', msg.params ?? []);
      port.postMessage({
        id: msg.id,
        rows: r.rows,
        affectedRows: r.affectedRows,
        fields: r.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
      });
    } catch (err) {
      port.postMessage({ id: msg.id, error: describeError(err) });
    }
  });
});

try {
  // A data directory on disk, or in memory from a dump (tests start from a migrated template).
  const { dataDir, loadDataDir } = /** @type {{ dataDir?: string; loadDataDir?: Uint8Array }} */ (workerData);
  db = await PGlite.create({ dataDir, loadDataDir: loadDataDir ? new Blob([loadDataDir]) : undefined });
  port.postMessage({ ready: true });
} catch (err) {
  port.postMessage({ ready: false, error: describeError(err) });
}

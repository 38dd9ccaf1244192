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
 * statements, as the Postgres pool does (prepared-statements.ts); those marked for it always
 * run with their generic plan (see `planMode`). Parameters are turned into text the way
 * node-postgres does (`prepareValue`), so the same code runs the same on both.
 *
 * Plain JavaScript on purpose: a worker thread gets no TypeScript loader from vitest, and this
 * file must load the same under tsx, vitest and plain node.
 */
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { PGlite, parse, protocol } from '@electric-sql/pglite';
import pgUtils from 'pg/lib/utils.js';
import { createSqlProfile } from './sql-profile.mjs';

const preparedMarker = '/* fluxo:prepared */';
/** `preparedGeneric` in prepared-statements.ts. */
const genericMarker = '/* fluxo:prepared */ /* generic plan */';
const { serialize } = protocol;

if (!parentPort) throw new Error('pglite-worker.mjs runs as a worker thread');
const port = parentPort;

/** @type {PGlite} */
let db;
const { profileFile } = /** @type {{ profileFile?: string }} */ (workerData);
/** The bench's statement times (FLUXO_SQL_PROFILE), when asked for. */
const profile = profileFile ? createSqlProfile(profileFile) : null;
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
 * The plan cache mode the session is in: null when unknown (a rollback may have undone a SET).
 *
 * Statements marked `preparedGeneric` always take Postgres' generic plan. Left to choose
 * (`auto`), Postgres compares the generic plan's cost with recent custom plans' and, for webhook
 * storage, now and then switched to planning every execution: that costs ~1.7 ms here
 * (WebAssembly), twice what running it does, and in a soak the statement's time per minute
 * doubled from one minute to the next and stayed so. Its parameters are JSON documents whose
 * contents the planner cannot see, so a custom plan is never better. Every other statement with
 * parameters runs in `auto`: a custom plan sees array lengths and timestamps (better joins for a
 * large batch), and a generic plan could not use a partial index whose predicate compares with a
 * parameter (`status = $1`). The mode is set only when it has to change, in the same exchange.
 * @type {'auto' | 'generic' | null}
 */
let planMode = 'auto';

/**
 * @param {string} text
 * @param {unknown[]} params
 */
async function run(text, params) {
  const values = params.map((v) => pgUtils.prepareValue(v));
  const parts = [];
  const marked = text.startsWith(preparedMarker);
  const wanted = text.startsWith(genericMarker) ? 'generic' : values.length > 0 ? 'auto' : null;
  const setMode = wanted !== null && wanted !== planMode;
  if (setMode) {
    const mode = wanted === 'generic' ? 'force_generic_plan' : 'auto';
    parts.push(serialize.parse({ text: `set plan_cache_mode = ${mode}` }), serialize.bind({}), serialize.execute({}));
  }
  let statement = '';
  let parsing = null;
  if (marked) {
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
  const parsed = messages.filter((m) => m.name === 'parseComplete').length;
  if (parsing && parsed === (setMode ? 2 : 1)) named.set(text, parsing);
  const error = messages.find((m) => m.name === 'error');
  // A failed or rolled-back transaction takes back the SETs made in it.
  if (error || /^\s*rollback\b/i.test(text)) planMode = null;
  else if (setMode) planMode = wanted;
  if (error) throw error;
  const results = parse.parseResults(messages, db.parsers);
  return results[results.length - 1] ?? { rows: [], fields: [] };
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

/**
 * @typedef {{ id: number; sql?: string; params?: unknown[]; urgent?: boolean; close?: boolean }} Request
 */

/**
 * One query at a time, in arrival order, except that urgent ones (webhook storage, which Meta
 * waits on) go ahead of those still waiting. That is safe because the main thread sends an
 * urgent statement only while no transaction is open (connection-gate.ts): everything it passes
 * is a statement on its own. A transaction's statements arrive one by one, each after the last
 * one's answer, and nothing else arrives until it ends, so they never interleave with others.
 * @type {Request[]}
 */
const waiting = [];
let draining = false;

async function drain() {
  draining = true;
  for (;;) {
    // Messages that came while Postgres ran (it blocks this thread) have not been dispatched to
    // the listener yet: take them all now, or an urgent one could not pass those before it.
    for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) waiting.push(m.message);
    if (waiting.length === 0) break;
    const urgent = waiting.findIndex((m) => m.urgent);
    const [msg] = waiting.splice(urgent === -1 ? 0 : urgent, 1);
    if (msg) await handle(msg);
  }
  draining = false;
}

/** @param {Request} msg */
async function handle(msg) {
  if (msg.close) {
    profile?.flush();
    await db.close();
    port.postMessage({ id: msg.id, closed: true });
    return;
  }
  try {
    const started = performance.now();
    const r = await run(msg.sql ?? '', msg.params ?? []);
    profile?.record(msg.sql ?? '', performance.now() - started);
    port.postMessage({
      id: msg.id,
      rows: r.rows,
      affectedRows: r.affectedRows,
      fields: r.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
    });
  } catch (err) {
    port.postMessage({ id: msg.id, error: describeError(err) });
  }
}

port.on('message', (/** @type {Request} */ msg) => {
  waiting.push(msg);
  if (!draining) void drain();
});

try {
  // A data directory on disk, or in memory from a dump (tests start from a migrated template).
  const { dataDir, loadDataDir } = /** @type {{ dataDir?: string; loadDataDir?: Uint8Array }} */ (workerData);
  db = await PGlite.create({ dataDir, loadDataDir: loadDataDir ? new Blob([loadDataDir]) : undefined });
  port.postMessage({ ready: true });
} catch (err) {
  port.postMessage({ ready: false, error: describeError(err) });
}

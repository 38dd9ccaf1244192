// @ts-check
/**
 * For the bench (`FLUXO_SQL_PROFILE=file`): the embedded database thread's time per statement,
 * measured where the statement runs, so it leaves out the wait in the thread's queue. Written to
 * the file each second as JSON: totals per statement text, and the statements that took longer
 * than `slowMs` with when they ran (a stall of every contact at once shows as one of those).
 *
 * Plain JavaScript, loaded by pglite-worker.mjs (see there why).
 */
import { writeFileSync } from 'node:fs';

const slowMs = 15;
/** The latest slow statements kept: enough for a bench phase. */
const slowKept = 500;

/**
 * @typedef {{ calls: number; ms: number; maxMs: number }} StatementTotals
 * @typedef {{ at: number; ms: number; sql: string }} SlowStatement
 */

/** A statement's text as the report names it: without the markers, on one line, its start only. */
export function statementKey(/** @type {string} */ text) {
  return text
    .replace(/\/\*[^*]*\*\//g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
}

/** @param {string} file */
export function createSqlProfile(file) {
  /** @type {Map<string, StatementTotals>} */
  const totals = new Map();
  /** @type {SlowStatement[]} */
  const slow = [];

  // `writtenAt` tells a reader whether the file holds what ran up to a moment; `slowMs`, what
  // "slow" meant.
  const write = () =>
    writeFileSync(
      file,
      JSON.stringify({ writtenAt: Date.now(), slowMs, statements: Object.fromEntries(totals), slow }),
    );
  // Unref'd: the profile never keeps the thread alive.
  setInterval(write, 1000).unref();

  return {
    /** Records one statement's run, `ms` long, ending now. */
    record(/** @type {string} */ text, /** @type {number} */ ms) {
      const key = statementKey(text);
      const t = totals.get(key) ?? { calls: 0, ms: 0, maxMs: 0 };
      t.calls += 1;
      t.ms += ms;
      t.maxMs = Math.max(t.maxMs, ms);
      totals.set(key, t);
      if (ms >= slowMs) {
        slow.push({ at: Date.now(), ms, sql: key.slice(0, 120) });
        if (slow.length > slowKept) slow.splice(0, slow.length - slowKept);
      }
    },
    /** The last totals, written now (on close). */
    flush: write,
  };
}

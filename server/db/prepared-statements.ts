import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * Marks a hot statement for the plan cache: put it at the very start of its SQL. The WhatsApp
 * runtime's statements are large CTEs run many times a second; as unnamed statements Postgres
 * parses and plans each execution (about a millisecond for the biggest), more than they take
 * to run. Named, each pool connection prepares them once, and they run with a generic plan
 * (see `genericPlanMode`). PGlite gets the same from its thread (pglite-worker.mjs).
 */
export const prepared = '/* fluxo:prepared */';

/**
 * Even named, Postgres planned a marked statement again at every run: it plans with the
 * parameters' values ("custom plan") and keeps doing so while the generic plan's estimate is
 * the higher one, which for CTEs over jsonb documents it always is. That planning was most of
 * Postgres's CPU per message (bench, menu flow at saturation: 2.4 → 0.7 ms per inbound message
 * with generic plans). These statements were written so that their plans do not depend on the
 * values (ids looked up per row, partial indexes matched by literals), so the generic plan is
 * the plan, made once per connection. Every other statement keeps custom plans: Kysely binds
 * every value, and a generic plan cannot use a partial index whose predicate a bound value
 * satisfies. The mode is a setting of the connection, switched when a connection goes from
 * one kind of statement to the other, outside transactions only (a SET inside one is undone
 * by a rollback, and a transaction's statements run as they always have).
 */
export const genericPlanMode = 'set plan_cache_mode = force_generic_plan';
export const customPlanMode = 'reset plan_cache_mode';

type Query = pg.PoolClient['query'];
type RawQuery = (...args: unknown[]) => Promise<unknown>;

/** Wraps the pool so marked statements go out as named prepared statements (see `prepared`). */
export function prepareMarkedStatements(pool: pg.Pool): pg.Pool {
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (!name) {
      name = `fluxo_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
      names.set(text, name);
    }
    return name;
  };
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as RawQuery;
    // Kysely waits for each statement before sending the next on a connection, so the status
    // Postgres gave with the last answer is the connection's status now ('I': no transaction).
    const idle = () => client.getTransactionStatus() === 'I';
    let generic = false;
    // Queued on the connection ahead of the statement (node-postgres sends in order), so the
    // statement runs in the mode. If it fails the connection is broken, and so is the statement.
    const switchTo = (toGeneric: boolean) => {
      generic = toGeneric;
      query(toGeneric ? genericPlanMode : customPlanMode).catch(() => {
        generic = !toGeneric;
      });
    };
    // Only the (text, values) form Kysely uses is rewritten; anything else passes through.
    client.query = ((text: unknown, values?: unknown) => {
      if (typeof text === 'string' && text.startsWith(prepared) && (values === undefined || Array.isArray(values))) {
        if (!generic && idle()) switchTo(true);
        return query({ name: nameOf(text), text, values });
      }
      const bindsValues = Array.isArray(values) && values.length > 0;
      if (generic && idle() && (bindsValues || (typeof text === 'string' && /^\s*begin\b/i.test(text)))) {
        switchTo(false);
      }
      return values === undefined ? query(text) : query(text, values);
    }) as Query;
  });
  return pool;
}

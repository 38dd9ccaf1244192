import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * Marks a hot statement for the plan cache: put it at the very start of its SQL. The WhatsApp
 * runtime's statements are large CTEs run many times a second; as unnamed statements Postgres
 * parses and plans each execution (about a millisecond for the biggest), more than they take
 * to run. Named, each pool connection prepares them once; the embedded database's thread does
 * the same (pglite-worker.mjs).
 */
export const prepared = '/* fluxo:prepared */';

/**
 * A marked statement whose parameters are JSON documents of a batch, which tell the planner
 * nothing: the embedded database always runs it with its generic plan instead of sometimes
 * planning every execution (pglite-worker.mjs, `planMode`). On Postgres it is `prepared`.
 */
export const preparedGeneric = `${prepared} /* generic plan */`;

type Query = pg.PoolClient['query'];

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
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    // Only the (text, values) form Kysely uses is rewritten; anything else passes through.
    client.query = ((text: unknown, values?: unknown) => {
      if (typeof text === 'string' && text.startsWith(prepared) && (values === undefined || Array.isArray(values))) {
        return query({ name: nameOf(text), text, values });
      }
      return values === undefined ? query(text) : query(text, values);
    }) as Query;
  });
  return pool;
}

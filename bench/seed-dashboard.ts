/**
 * Seeds a database with a million messages (and the sessions, handoffs, orders and analytics
 * events that go with them, over 90 days) through the real migrations, then times
 * `GET /api/dashboard` through the real app: the first call (cold) and the median of five.
 *
 *   npx tsx bench/seed-dashboard.ts                 # embedded PGlite in a temp folder
 *   DATABASE_URL=postgres://…/fluxo_dash npx tsx bench/seed-dashboard.ts
 *   … --without-indexes                             # the same without migration 0017's indexes
 *   … --measure-only                                # times a database seeded before (Postgres)
 *   … --rollup                                      # builds the per-day rollup first (timed), as
 *                                                   #   the server's rollup job does
 *
 * Bulk inserts with generate_series keep the seeding to about a minute on two cores.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { down as dropDashboardIndexes } from '../migrations/0017_index_dashboard_periods.ts';
import { createApp } from '../server/app.ts';
import { refreshAllDailyFigures } from '../server/dashboard/rollup.ts';
import { createSecretBox } from '../server/auth/secret-box.ts';
import { migrateToLatest, openDatabase } from '../server/db/connect.ts';
import { createApiToken } from '../server/db/queries/tokens.ts';
import { createUser } from '../server/db/queries/users.ts';
import { readConfig } from '../server/env.ts';
import { silentLogger } from '../server/logger.ts';

const messageCount = Number(process.env.SEED_MESSAGES ?? 1_000_000);
const contactCount = 50_000;
const sessionCount = 100_000;
const handoffCount = 5_000;
const orderCount = 20_000;
const eventCount = 300_000;
const spanSeconds = 90 * 86_400;

const dataDir = mkdtempSync(join(tmpdir(), 'fluxo-dash-'));
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
const { db } = database;
const elapsed = (start: number) => `${((performance.now() - start) / 1000).toFixed(1)} s`;

try {
  const measureOnly = process.argv.includes('--measure-only');
  if (!measureOnly) await migrateToLatest(db);
  if (process.argv.includes('--without-indexes')) await dropDashboardIndexes(db as never);
  const owner = measureOnly
    ? await db.selectFrom('users').selectAll().where('email', '=', 'dono@fluxo.test').executeTakeFirstOrThrow()
    : await createUser(db, { email: 'dono@fluxo.test', name: 'Dono', password: 'senha-do-painel-2026', role: 'admin' });
  const token = await createApiToken(db, { name: 'bench', role: 'admin', createdBy: owner.id });
  if (!measureOnly) await seed();
  async function seed() {
    const seeding = performance.now();
    const graph = {
      name: 'Vendas',
      nodes: [
        { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
        { id: 'hello', type: 'message', position: { x: 0, y: 100 }, data: { text: 'Olá!' } },
        { id: 'ask', type: 'wait', position: { x: 0, y: 200 }, data: { variable: 'msg' } },
        { id: 'end', type: 'end', position: { x: 0, y: 300 }, data: {} },
      ],
      edges: [
        { id: 'e1', source: 'start', sourceHandle: 'next', target: 'hello' },
        { id: 'e2', source: 'hello', sourceHandle: 'next', target: 'ask' },
        { id: 'e3', source: 'ask', sourceHandle: 'reply', target: 'end' },
      ],
    };
    await db
      .insertInto('flows')
      .values({ id: 'flow-1', name: 'Vendas', draft: JSON.stringify(graph), published_version: 1 })
      .execute();
    await db
      .insertInto('flow_versions')
      .values({ id: 'flow-1-v1', flow_id: 'flow-1', version: 1, graph: JSON.stringify(graph) })
      .execute();
    for (const n of [1, 2]) {
      await db
        .insertInto('channels')
        .values({
          id: `channel-${n}`,
          name: `Canal ${n}`,
          phone_number_id: `10600000000000${n}`,
          access_token_enc: 'x',
          app_secret_enc: 'x',
          verify_token: `v${n}`,
        })
        .execute();
    }
    // Deterministic spread over the last 90 days: row i lands (i * prime) mod span seconds ago.
    const ago = (i: string, prime: number) =>
      sql.raw(`now() - make_interval(secs => (${i}::bigint * ${prime}) % ${spanSeconds})`);
    await sql`insert into contacts (id, channel_id, wa_id, name, variables)
      select 'c' || i, 'channel-' || (1 + i % 2), (5511900000000 + i)::text, 'Contato ' || i, '{}'::jsonb
      from generate_series(0, ${contactCount - 1}) i`.execute(db);
    await sql`insert into conversation_sessions (id, contact_id, flow_id, flow_version_id, status, state, created_at)
      select 's' || i, 'c' || (i % ${contactCount}), 'flow-1', 'flow-1-v1',
        case when i < ${contactCount} and i % 10 = 0 then 'active' else 'ended' end, '{}'::jsonb, ${ago('i', 7919)}
      from generate_series(0, ${sessionCount - 1}) i`.execute(db);
    // Pairs: the contact writes, the bot (or, one time in fifty, an agent) answers 1 to 30 s later.
    await sql`insert into messages (id, channel_id, contact_id, direction, type, text, status, error, wa_timestamp, author_kind, created_at)
      select 'm' || i, 'channel-' || (1 + (i / 2) % 2), 'c' || ((i / 2) % ${contactCount}),
        case when i % 2 = 0 then 'in' else 'out' end, 'text', 'mensagem ' || i,
        case when i % 2 = 0 then 'received' when i % 101 = 1 then 'failed' when i % 3 = 0 then 'read' when i % 3 = 1 then 'delivered' else 'sent' end,
        case when i % 2 = 1 and i % 101 = 1 then jsonb_build_array(jsonb_build_object('code', case when i % 7 = 0 then 131026 else 131047 end)) end,
        case when i % 2 = 0 then t end,
        case when i % 2 = 0 then 'contact' when i % 100 = 1 then 'agent' else 'bot' end,
        t + case when i % 2 = 1 then make_interval(secs => 1 + i % 30) else interval '0' end
      from (select i, ${ago('(i / 2)', 104729)} as t from generate_series(0, ${messageCount - 1}) i) g`.execute(db);
    await sql`insert into handoffs (id, contact_id, session_id, team, status, created_at)
      select 'h' || i, 'c' || (i * 7 % ${contactCount}), 's' || (i * 13 % ${sessionCount}), 'vendas', 'resolved', ${ago('i', 15485863)}
      from generate_series(0, ${handoffCount - 1}) i`.execute(db);
    await sql`insert into orders (id, contact_id, flow_id, status, total_cents, created_at)
      select 'o' || i, 'c' || (i * 11 % ${contactCount}), 'flow-1', case when i % 9 = 0 then 'cancelled' else 'confirmed' end,
        1000 + i % 50000, ${ago('i', 32452843)}
      from generate_series(0, ${orderCount - 1}) i`.execute(db);
    await sql`insert into analytics_events (flow_id, flow_version_id, node_id, contact_id, session_id, kind, created_at)
      select 'flow-1', 'flow-1-v1', (array['start', 'hello', 'ask', 'end'])[1 + i % 4], 'c' || ((i / 4) % ${contactCount}),
        's' || ((i / 4) % ${sessionCount}), 'enter', ${ago('(i / 4)', 7919)}
      from generate_series(0, ${eventCount - 1}) i`.execute(db);
    await sql`analyze`.execute(db);
    console.log(
      `${database.kind}: seeded ${messageCount} messages, ${sessionCount} sessions, ${eventCount} analytics events in ${elapsed(seeding)}`,
    );
  }

  if (process.argv.includes('--rollup')) {
    const rolling = performance.now();
    const days = await refreshAllDailyFigures(db, () => new Date(), 'America/Sao_Paulo');
    console.log(`rollup: ${days} days computed in ${elapsed(rolling)}`);
  }

  const app = createApp({
    db,
    clock: { now: () => new Date() },
    secrets: createSecretBox('bench-secret-key-bench-secret-key-00'),
    logger: silentLogger,
    config: readConfig({ DATA_DIR: dataDir, FLUXO_RATE_LIMIT_API: '0', FLUXO_RATE_LIMIT_SESSION: '0' }),
  });
  const call = async (query: string) => {
    const start = performance.now();
    const res = await app.request(`/api/dashboard?${query}`, { headers: { authorization: `Bearer ${token.secret}` } });
    if (res.status !== 200) throw new Error(`GET /api/dashboard?${query} → ${res.status} ${await res.text()}`);
    await res.json();
    return performance.now() - start;
  };
  for (const query of ['days=7', 'days=30', 'days=90', 'days=30&channelId=channel-1&flowId=flow-1']) {
    const cold = await call(query);
    const warm: number[] = [];
    for (let i = 0; i < 5; i += 1) warm.push(await call(query));
    warm.sort((a, b) => a - b);
    console.log(
      `GET /api/dashboard?${query}: cold ${cold.toFixed(0)} ms, warm p50 ${warm[2]?.toFixed(0)} ms (min ${warm[0]?.toFixed(0)}, max ${warm[4]?.toFixed(0)})`,
    );
  }
} finally {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}

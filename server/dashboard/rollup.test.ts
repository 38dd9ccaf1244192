import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSettingRows } from '../db/queries/settings.ts';
import { createTestDb, type TestDb } from '../testing/test-db.ts';
import { dashboardFigures, type DashboardFilter } from './figures.ts';
import { localDayOf, resolvePeriod, startOfDay } from './period.ts';
import { refreshDailyFigures, runRollupIfDue, settleMs } from './rollup.ts';

const now = new Date('2026-11-20T15:30:00Z');
const zone = 'America/Sao_Paulo';
const spanSeconds = 12 * 86_400;

/**
 * Twelve days of two channels, deterministic: contacts write and the bot (or, one time in ten, an
 * agent) answers 0.3 to 45 s later; sessions, some ended, some handed off; orders, some cancelled;
 * failed sends with Meta's codes; media at odd times so days and hours are cut everywhere.
 */
async function seed(db: TestDb['db']) {
  const graph = JSON.stringify({ name: 'Vendas', nodes: [], edges: [] });
  await db.insertInto('flows').values({ id: 'flow-1', name: 'Vendas', draft: graph, published_version: 1 }).execute();
  await db.insertInto('flow_versions').values({ id: 'flow-1-v1', flow_id: 'flow-1', version: 1, graph }).execute();
  for (const n of [1, 2])
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
  const nowLit = `'${now.toISOString()}'::timestamptz`;
  const before = (i: string, prime: number) =>
    sql.raw(`${nowLit} - make_interval(secs => (${i}::bigint * ${prime}) % ${spanSeconds})`);
  await sql`insert into contacts (id, channel_id, wa_id, name, variables)
    select 'c' || i, 'channel-' || (1 + i % 2), (5511900000000 + i)::text, 'Contato ' || i, '{}'::jsonb
    from generate_series(0, 199) i`.execute(db);
  await sql`insert into conversation_sessions (id, contact_id, flow_id, flow_version_id, status, state, created_at)
    select 's' || i, 'c' || (i % 200), 'flow-1', 'flow-1-v1',
      case when i % 3 = 0 then 'active' else 'ended' end, '{}'::jsonb, ${before('i', 7919)}
    from generate_series(0, 599) i`.execute(db);
  await sql`insert into messages (id, channel_id, contact_id, direction, type, text, status, error, wa_timestamp, author_kind, created_at)
    select 'm' || i, 'channel-' || (1 + ((i / 2) % 200) % 2), 'c' || ((i / 2) % 200),
      case when i % 2 = 0 then 'in' else 'out' end, 'text', 'mensagem ' || i,
      case when i % 2 = 0 then 'received' when i % 37 = 1 then 'failed' when i % 3 = 0 then 'read' when i % 3 = 1 then 'delivered' else 'sent' end,
      case when i % 2 = 1 and i % 37 = 1 then
        case when i % 5 = 0 then jsonb_build_object('kind', 'permanent', 'code', 131026)
          else jsonb_build_array(jsonb_build_object('code', case when i % 7 = 0 then 131026 else 131047 end)) end end,
      case when i % 2 = 0 then t end,
      case when i % 2 = 0 then 'contact' when i % 20 = 1 then 'agent' else 'bot' end,
      t + case when i % 2 = 1 then make_interval(secs => 0.3 + (i % 450) / 10.0) else interval '0' end
    from (select i, ${before('(i / 2)', 104729)} as t from generate_series(0, 5999) i) g`.execute(db);
  // Handoffs open on existing sessions, after them.
  await sql`insert into handoffs (id, contact_id, session_id, team, status, created_at)
    select 'h' || i, s.contact_id, s.id, 'vendas', 'resolved', s.created_at + make_interval(secs => 60 + i * 17 % 7200)
    from (select id, contact_id, created_at, row_number() over (order by id) as i from conversation_sessions) s
    where s.i % 7 = 0`.execute(db);
  await sql`insert into orders (id, contact_id, flow_id, status, total_cents, created_at)
    select 'o' || i, case when i % 13 = 0 then null else 'c' || (i * 11 % 200) end, 'flow-1',
      case when i % 9 = 0 then 'cancelled' else 'confirmed' end, 1000 + i % 5000, ${before('i', 32452843)}
    from generate_series(0, 299) i`.execute(db);
}

describe('the dashboard rollup', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await seed(t.db);
  });
  afterAll(() => t.close());

  const filter = (days: 7 | 30, channelId: string | null, timeZone = zone): DashboardFilter => ({
    ...resolvePeriod({ days }, now, timeZone)!,
    channelId,
    timeZone,
  });

  it('gives the same figures from the rollup as counted live, for every period, channel and zone', async () => {
    const computed = await refreshDailyFigures(t.db, now, zone);
    expect(computed).toBe(12); // the twelve closed days with activity (today is always live)
    const custom: DashboardFilter = {
      from: new Date('2026-11-12T07:45:00Z'), // mid-day: the first day is partial, so counted live
      to: new Date('2026-11-18T21:10:00Z'),
      channelId: 'channel-2',
      timeZone: zone,
    };
    for (const f of [filter(7, null), filter(30, null), filter(30, 'channel-1'), custom]) {
      const live = await dashboardFigures(t.db, f, null, { now, useRollup: false });
      const rolled = await dashboardFigures(t.db, f, null, { now });
      expect(rolled).toEqual(live);
      expect(live.conversations.started).toBeGreaterThan(0);
      expect(live.firstReply.botSamples).toBeGreaterThan(0);
    }

    await refreshDailyFigures(t.db, now, 'Asia/Tokyo');
    const tokyo = filter(30, null, 'Asia/Tokyo');
    expect(await dashboardFigures(t.db, tokyo, null, { now })).toEqual(
      await dashboardFigures(t.db, tokyo, null, { now, useRollup: false }),
    );
    // Changing the zone drops the other zone's rollup; back to São Paulo for the next tests.
    await refreshDailyFigures(t.db, now, zone);
    const zones = await t.db.selectFrom('daily_figure_days').select('time_zone').distinct().execute();
    expect(zones).toEqual([{ time_zone: zone }]);
  });

  it('counts what the raw tables hold, and medians within half a bucket of the exact one', async () => {
    const f = filter(30, null);
    const figures = await dashboardFigures(t.db, f, null, { now });
    const count = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(t.db)).rows[0]!.n;
    expect(figures.conversations.started).toBe(
      await count(
        sql`select count(*)::int as n from conversation_sessions where created_at >= ${f.from} and created_at < ${f.to}`,
      ),
    );
    expect(figures.conversations.handedOff).toBe(
      await count(sql`select count(distinct session_id)::int as n from handoffs h
        join conversation_sessions s on s.id = h.session_id where s.created_at >= ${f.from} and s.created_at < ${f.to}`),
    );
    expect(figures.messages.inbound).toBe(
      await count(
        sql`select count(*)::int as n from messages where direction = 'in' and created_at >= ${f.from} and created_at < ${f.to}`,
      ),
    );
    expect(figures.orders.revenueCents).toBe(
      await count(
        sql`select sum(total_cents)::int as n from orders where status <> 'cancelled' and created_at >= ${f.from} and created_at < ${f.to}`,
      ),
    );
    expect(figures.messages.failuresByCode.reduce((sum, c) => sum + c.count, 0)).toBe(figures.messages.byStatus.failed);
    expect(figures.messages.failuresByCode.map((c) => c.code).sort()).toEqual(['131026', '131047']);

    // The exact median (percentile_cont over every reply, turns cut at local midnight).
    const exact = await sql<{ seconds: number; samples: number }>`
      with period as (
        select contact_id, direction, to_char(created_at at time zone ${zone}, 'YYYY-MM-DD') as day,
          case when direction = 'in' then coalesce(wa_timestamp, created_at) else created_at end as at
        from messages where created_at >= ${f.from} and created_at < ${f.to}
      ), turns as (
        select *, lag(direction) over (partition by contact_id, day order by at) as previous from period
      )
      select percentile_cont(0.5) within group (order by extract(epoch from r.created_at - t.at))::float8 as seconds,
        count(*)::int as samples
      from turns t cross join lateral (
        select o.created_at, o.author_kind from messages o
        where o.contact_id = t.contact_id and o.created_at >= t.at and o.direction = 'out' order by o.created_at limit 1
      ) r
      where t.direction = 'in' and (t.previous is null or t.previous = 'out') and r.author_kind = 'bot'`.execute(t.db);
    expect(figures.firstReply.botSamples).toBe(exact.rows[0]!.samples);
    // Replies here take 0.3 to 45 s: buckets of 0.1 s under 10 s, 1 s beyond.
    expect(Math.abs(figures.firstReply.botSeconds! - exact.rows[0]!.seconds)).toBeLessThanOrEqual(0.5);
  });

  it('keeps closed days once rolled up (retention may delete their messages) and recounts unsettled ones', async () => {
    const f = filter(30, null);
    const before = await dashboardFigures(t.db, f, null, { now });
    const oldest = localDayOf(new Date(now.getTime() - 11 * 86_400_000), zone);
    await sql`delete from messages where created_at < ${startOfDay(oldest, zone)}`.execute(t.db);
    const after = await dashboardFigures(t.db, f, null, { now });
    expect(after.messages).toEqual(before.messages);

    // Days rolled up less than `settleMs` after they ended are computed again by the next run.
    const later = new Date(now.getTime() + settleMs + 86_400_000);
    const recomputed = await refreshDailyFigures(t.db, later, zone);
    expect(recomputed).toBe(2 + 3); // the two days that ended less than 2 days before `now`, and three new ones
    const settled = new Date(later.getTime() + settleMs + 86_400_000);
    await refreshDailyFigures(t.db, settled, zone);
    // Then only the two closed days still settling are counted again on each run.
    expect(await refreshDailyFigures(t.db, settled, zone)).toBe(2);
  });

  it('runs on one instance per period, in the zone of the settings', async () => {
    await writeSettingRows(t.db, { timeZone: 'Europe/Lisbon' }, now);
    const clock = { now: () => now };
    expect(await runRollupIfDue(t.db, clock, 15 * 60_000)).toBeGreaterThan(0);
    expect(await runRollupIfDue(t.db, clock, 15 * 60_000)).toBe(0); // not due again yet
    const zones = await t.db.selectFrom('daily_figure_days').select('time_zone').distinct().execute();
    expect(zones).toEqual([{ time_zone: 'Europe/Lisbon' }]);
  });
});

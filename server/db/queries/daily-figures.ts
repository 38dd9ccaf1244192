import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../database.ts';

/**
 * The dashboard's figures per local day and channel, counted from the raw tables: what the
 * rollup (`daily_figures`) stores for closed days, and what the dashboard counts live for
 * today and for days not rolled up yet. One function for both, so they cannot disagree.
 */
export interface FigureRange {
  from: Date;
  to: Date;
  /** The IANA zone days are counted in. */
  timeZone: string;
  /** Only this channel; null for every channel. */
  channelId: string | null;
}

/**
 * `started`, `completed`, `handed_off` (sessions started that day; of them ended, handed to a
 * person at least once), `handoffs`, `inbound`, `outbound`, `failed`, `orders`, `revenue_cents`
 * have no key. `status` is keyed by an outbound message's status, `failed_code` by Meta's
 * error code, and `bot_reply`/`human_reply` by a reply-time bucket (see `replyBucket`).
 */
export const dayMetrics = [
  'started',
  'completed',
  'handed_off',
  'handoffs',
  'inbound',
  'outbound',
  'failed',
  'orders',
  'revenue_cents',
] as const;
export const keyedMetrics = ['status', 'failed_code', 'bot_reply', 'human_reply'] as const;
export type Metric = (typeof dayMetrics)[number] | (typeof keyedMetrics)[number];

export interface FigureRow {
  day: string;
  channel_id: string;
  metric: Metric;
  key: string;
  value: number;
}

const dayOf = (column: RawBuilder<unknown>, r: FigureRange) =>
  sql<string>`to_char(${column} at time zone ${r.timeZone}, 'YYYY-MM-DD')`;
const onChannel = (column: string, r: FigureRange) =>
  r.channelId === null ? sql`` : sql`and ${sql.ref(column)} = ${r.channelId}`;

/**
 * A reply time (seconds) as its histogram bucket's lower bound in tenths of a second: 0.1 s wide
 * under 10 s, 1 s under 2 min, 10 s under an hour, a minute under a day, an hour beyond. Fine
 * where bot replies fall, coarse where only slow human replies do; `bucketWidthTenths` inverts it.
 */
const replyBucket = (seconds: RawBuilder<number>) => sql<string>`(case
  when ${seconds} < 10 then floor(${seconds} * 10)
  when ${seconds} < 120 then floor(${seconds}) * 10
  when ${seconds} < 3600 then floor(${seconds} / 10) * 100
  when ${seconds} < 86400 then floor(${seconds} / 60) * 600
  else floor(${seconds} / 3600) * 36000 end)::bigint::text`;

export function bucketWidthTenths(lowerTenths: number): number {
  if (lowerTenths < 100) return 1;
  if (lowerTenths < 1200) return 10;
  if (lowerTenths < 36000) return 100;
  if (lowerTenths < 864000) return 600;
  return 36000;
}

export async function figureRows(db: Executor, r: FigureRange): Promise<FigureRow[]> {
  const parts = await Promise.all([
    sessionRows(db, r),
    handoffRows(db, r),
    messageRows(db, r),
    orderRows(db, r),
    botReplyRows(db, r),
    humanReplyRows(db, r),
  ]);
  return parts.flat();
}

const row = (day: string, channel_id: string, metric: Metric, value: number | string, key = ''): FigureRow => ({
  day,
  channel_id,
  metric,
  key,
  value: Number(value),
});

async function sessionRows(db: Executor, r: FigureRange): Promise<FigureRow[]> {
  const result = await sql<{ day: string; channel_id: string; started: number; completed: number; handed_off: number }>`
    select ${dayOf(sql`s.created_at`, r)} as day, c.channel_id, count(*)::int as started,
      count(*) filter (where s.status = 'ended')::int as completed,
      count(*) filter (where exists (select 1 from handoffs h where h.session_id = s.id))::int as handed_off
    from conversation_sessions s join contacts c on c.id = s.contact_id
    where s.created_at >= ${r.from} and s.created_at < ${r.to} ${onChannel('c.channel_id', r)}
    group by 1, 2`.execute(db);
  return result.rows.flatMap((s) => [
    row(s.day, s.channel_id, 'started', s.started),
    row(s.day, s.channel_id, 'completed', s.completed),
    row(s.day, s.channel_id, 'handed_off', s.handed_off),
  ]);
}

async function handoffRows(db: Executor, r: FigureRange): Promise<FigureRow[]> {
  const result = await sql<{ day: string; channel_id: string; n: number }>`
    select ${dayOf(sql`h.created_at`, r)} as day, c.channel_id, count(*)::int as n
    from handoffs h join contacts c on c.id = h.contact_id
    where h.created_at >= ${r.from} and h.created_at < ${r.to} ${onChannel('c.channel_id', r)}
    group by 1, 2`.execute(db);
  return result.rows.map((h) => row(h.day, h.channel_id, 'handoffs', h.n));
}

/**
 * Messages by direction and latest status; failed sends by Meta's error code (a status webhook
 * stores Meta's `errors` array, a refused send the sender's `{ kind, code, message }`).
 */
async function messageRows(db: Executor, r: FigureRange): Promise<FigureRow[]> {
  const result = await sql<{
    day: string;
    channel_id: string;
    direction: string;
    status: string;
    code: string | null;
    n: number;
  }>`
    select ${dayOf(sql`m.created_at`, r)} as day, m.channel_id, m.direction, m.status,
      case when m.direction = 'out' and m.status = 'failed'
        then coalesce(m.error -> 0 ->> 'code', m.error ->> 'code', 'unknown') end as code,
      count(*)::int as n
    from messages m
    where m.created_at >= ${r.from} and m.created_at < ${r.to} ${onChannel('m.channel_id', r)}
    group by 1, 2, 3, 4, 5`.execute(db);
  return result.rows.flatMap((m) => {
    if (m.direction === 'in') return [row(m.day, m.channel_id, 'inbound', m.n)];
    const rows = [row(m.day, m.channel_id, 'outbound', m.n), row(m.day, m.channel_id, 'status', m.n, m.status)];
    if (m.status === 'failed')
      rows.push(row(m.day, m.channel_id, 'failed', m.n), row(m.day, m.channel_id, 'failed_code', m.n, m.code ?? ''));
    return rows;
  });
}

/** Orders that were not cancelled, by the day they were placed ('' channel: an order with no contact). */
async function orderRows(db: Executor, r: FigureRange): Promise<FigureRow[]> {
  const result = await sql<{ day: string; channel_id: string; n: number; cents: string }>`
    select ${dayOf(sql`o.created_at`, r)} as day, coalesce(c.channel_id, '') as channel_id, count(*)::int as n,
      coalesce(sum(o.total_cents), 0)::bigint as cents
    from orders o left join contacts c on c.id = o.contact_id
    where o.created_at >= ${r.from} and o.created_at < ${r.to} and o.status <> 'cancelled' ${onChannel('c.channel_id', r)}
    group by 1, 2`.execute(db);
  return result.rows.flatMap((o) => [
    row(o.day, o.channel_id, 'orders', o.n),
    row(o.day, o.channel_id, 'revenue_cents', o.cents),
  ]);
}

/**
 * The bot's time to first reply: for each contact turn (an inbound message after an outbound
 * one the same day, or the contact's first of the day), the next outbound message; counted when
 * the bot wrote it. Turns are cut at midnight so that a day's figure does not depend on the
 * period it is shown in. The contact's time is Meta's timestamp, ours the row's.
 */
async function botReplyRows(db: Executor, r: FigureRange): Promise<FigureRow[]> {
  const result = await sql<{ day: string; channel_id: string; bucket: string; n: number }>`
    with period as (
      select m.contact_id, m.channel_id, m.direction, ${dayOf(sql`m.created_at`, r)} as day,
        case when m.direction = 'in' then coalesce(m.wa_timestamp, m.created_at) else m.created_at end as at
      from messages m
      where m.created_at >= ${r.from} and m.created_at < ${r.to} ${onChannel('m.channel_id', r)}
    ), turns as (
      select contact_id, channel_id, direction, day, at,
        lag(direction) over (partition by contact_id, day order by at) as previous
      from period
    )
    select t.day, t.channel_id, ${replyBucket(sql<number>`extract(epoch from r.created_at - t.at)::float8`)} as bucket,
      count(*)::int as n
    from turns t
    cross join lateral (
      select o.created_at, o.author_kind from messages o
      where o.contact_id = t.contact_id and o.created_at >= t.at and o.direction = 'out'
      order by o.created_at limit 1
    ) r
    where t.direction = 'in' and (t.previous is null or t.previous = 'out') and r.author_kind = 'bot'
    group by 1, 2, 3`.execute(db);
  return result.rows.map((b) => row(b.day, b.channel_id, 'bot_reply', b.n, b.bucket));
}

/** A person's time to first reply: from a handoff opening to the first message an agent or operator sent. */
async function humanReplyRows(db: Executor, r: FigureRange): Promise<FigureRow[]> {
  const result = await sql<{ day: string; channel_id: string; bucket: string; n: number }>`
    select ${dayOf(sql`h.created_at`, r)} as day, c.channel_id,
      ${replyBucket(sql<number>`extract(epoch from r.created_at - h.created_at)::float8`)} as bucket, count(*)::int as n
    from handoffs h
    join contacts c on c.id = h.contact_id
    cross join lateral (
      select o.created_at from messages o
      where o.contact_id = h.contact_id and o.created_at >= h.created_at and o.direction = 'out'
        and o.author_kind in ('agent', 'operator')
      order by o.created_at limit 1
    ) r
    where h.created_at >= ${r.from} and h.created_at < ${r.to} ${onChannel('c.channel_id', r)}
    group by 1, 2, 3`.execute(db);
  return result.rows.map((b) => row(b.day, b.channel_id, 'human_reply', b.n, b.bucket));
}

/** Rolled-up days of `timeZone` among `days`. */
export async function rolledUpDays(db: Executor, timeZone: string, days: string[]): Promise<Set<string>> {
  if (days.length === 0) return new Set();
  const rows = await db
    .selectFrom('daily_figure_days')
    .select('day')
    .where('time_zone', '=', timeZone)
    .where('day', 'in', days)
    .execute();
  return new Set(rows.map((d) => d.day));
}

/**
 * The rollup's figures for `days`, summed over channels (or one): the per-day figures by day, the
 * keyed ones over the whole set (the dashboard shows their totals only), so a 90-day period
 * reads back about 800 + a few hundred rows.
 */
export async function rolledUpFigures(
  db: Executor,
  timeZone: string,
  days: string[],
  channelId: string | null,
): Promise<FigureRow[]> {
  if (days.length === 0) return [];
  const channel = channelId === null ? sql`` : sql`and channel_id = ${channelId}`;
  const [perDay, keyed] = await Promise.all([
    sql<{ day: string; metric: Metric; value: string }>`
      select day, metric, sum(value)::bigint as value from daily_figures
      where time_zone = ${timeZone} and day in (${sql.join(days)}) and metric in (${sql.join([...dayMetrics])}) ${channel}
      group by 1, 2`.execute(db),
    sql<{ metric: Metric; key: string; value: string }>`
      select metric, key, sum(value)::bigint as value from daily_figures
      where time_zone = ${timeZone} and day in (${sql.join(days)}) and metric in (${sql.join([...keyedMetrics])}) ${channel}
      group by 1, 2`.execute(db),
  ]);
  return [
    ...perDay.rows.map((f) => row(f.day, channelId ?? '', f.metric, f.value)),
    // Keyed figures are totals: the first day stands for the set (only the day series is per day).
    ...keyed.rows.map((f) => row(days[0]!, channelId ?? '', f.metric, f.value, f.key)),
  ];
}

/** Replaces one day's rollup (all channels) and marks it done at `now`. */
export async function storeDay(db: Executor, timeZone: string, day: string, rows: FigureRow[], now: Date) {
  await db.deleteFrom('daily_figures').where('time_zone', '=', timeZone).where('day', '=', day).execute();
  // One row per channel, metric and key (the live rows may split a figure, e.g. outbound by status).
  const summed = new Map<string, FigureRow>();
  for (const f of rows) {
    const id = JSON.stringify([f.channel_id, f.metric, f.key]);
    const seen = summed.get(id);
    if (seen) seen.value += f.value;
    else summed.set(id, { ...f });
  }
  const values = [...summed.values()]
    .filter((f) => f.value !== 0)
    .map((f) => ({ time_zone: timeZone, day, channel_id: f.channel_id, metric: f.metric, key: f.key, value: f.value }));
  for (let i = 0; i < values.length; i += 1000)
    await db
      .insertInto('daily_figures')
      .values(values.slice(i, i + 1000))
      .execute();
  await db
    .insertInto('daily_figure_days')
    .values({ time_zone: timeZone, day, computed_at: now })
    .onConflict((oc) => oc.columns(['time_zone', 'day']).doUpdateSet({ computed_at: now }))
    .execute();
}

/** When each day of `timeZone` was rolled up. */
export async function rollupMarks(db: Executor, timeZone: string): Promise<Map<string, Date>> {
  const rows = await db
    .selectFrom('daily_figure_days')
    .select(['day', 'computed_at'])
    .where('time_zone', '=', timeZone)
    .execute();
  return new Map(rows.map((d) => [d.day, new Date(d.computed_at)]));
}

/** Forgets rollups counted in another zone (the settings' zone changed). */
export async function dropOtherZones(db: Executor, timeZone: string): Promise<void> {
  await db.deleteFrom('daily_figures').where('time_zone', '<>', timeZone).execute();
  await db.deleteFrom('daily_figure_days').where('time_zone', '<>', timeZone).execute();
}

/** The earliest activity on record: where a first rollup starts. */
export async function earliestActivity(db: Executor): Promise<Date | null> {
  const result = await sql<{ at: Date | string | null }>`
    select least(
      (select min(created_at) from messages), (select min(created_at) from conversation_sessions),
      (select min(created_at) from handoffs), (select min(created_at) from orders)) as at`.execute(db);
  const at = result.rows[0]?.at;
  return at ? new Date(at) : null;
}

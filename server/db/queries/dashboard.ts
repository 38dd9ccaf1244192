import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../database.ts';

/**
 * The dashboard's figures. Every query is bounded by the period on an indexed `created_at`
 * (migration 0017), so the cost follows the period's rows, not the whole history.
 */
export interface DashboardFilter {
  from: Date;
  to: Date;
  /** Only this channel's contacts; null for every channel. */
  channelId: string | null;
  /** The IANA zone the days are counted in. */
  timeZone: string;
}

const dayOf = (column: RawBuilder<unknown>, f: DashboardFilter) =>
  sql<string>`to_char(${column} at time zone ${f.timeZone}, 'YYYY-MM-DD')`;

/** `and <alias>.contact_id belongs to the channel`, or nothing. */
const contactOnChannel = (alias: string, f: DashboardFilter) =>
  f.channelId === null
    ? sql``
    : sql`and ${sql.ref(`${alias}.contact_id`)} in (select id from contacts where channel_id = ${f.channelId})`;

export interface SessionDay {
  day: string;
  started: number;
  completed: number;
  handed_off: number;
}

/** Sessions started per day; of them the ones that ended and the ones handed to a person. */
export async function sessionsByDay(db: Executor, f: DashboardFilter): Promise<SessionDay[]> {
  const result = await sql<SessionDay>`
    select ${dayOf(sql`s.created_at`, f)} as day, count(*)::int as started,
      count(*) filter (where s.status = 'ended')::int as completed,
      count(h.session_id)::int as handed_off
    from conversation_sessions s
    left join (select distinct session_id from handoffs
      where created_at >= ${f.from} and session_id is not null) h on h.session_id = s.id
    where s.created_at >= ${f.from} and s.created_at < ${f.to} ${contactOnChannel('s', f)}
    group by 1`.execute(db);
  return result.rows;
}

export interface HandoffDay {
  day: string;
  handoffs: number;
}

export async function handoffsByDay(db: Executor, f: DashboardFilter): Promise<HandoffDay[]> {
  const result = await sql<HandoffDay>`
    select ${dayOf(sql`h.created_at`, f)} as day, count(*)::int as handoffs from handoffs h
    where h.created_at >= ${f.from} and h.created_at < ${f.to} ${contactOnChannel('h', f)}
    group by 1`.execute(db);
  return result.rows;
}

export interface MessageCount {
  day: string;
  direction: 'in' | 'out';
  status: string;
  n: number;
}

export async function messagesByDayAndStatus(db: Executor, f: DashboardFilter): Promise<MessageCount[]> {
  const result = await sql<MessageCount>`
    select ${dayOf(sql`m.created_at`, f)} as day, m.direction, m.status, count(*)::int as n from messages m
    where m.created_at >= ${f.from} and m.created_at < ${f.to} ${channelOf('m', f)}
    group by 1, 2, 3`.execute(db);
  return result.rows;
}

const channelOf = (alias: string, f: DashboardFilter) =>
  f.channelId === null ? sql`` : sql`and ${sql.ref(`${alias}.channel_id`)} = ${f.channelId}`;

/**
 * Failed sends by Meta's error code: a status webhook stores Meta's `errors` array, a refused
 * send the sender's `{ kind, code, message }`.
 */
export async function failuresByCode(db: Executor, f: DashboardFilter): Promise<{ code: string; count: number }[]> {
  const result = await sql<{ code: string; count: number }>`
    select coalesce(m.error -> 0 ->> 'code', m.error ->> 'code', 'unknown') as code, count(*)::int as count from messages m
    where m.created_at >= ${f.from} and m.created_at < ${f.to} and m.direction = 'out' and m.status = 'failed' ${channelOf('m', f)}
    group by 1 order by 2 desc, 1`.execute(db);
  return result.rows;
}

export interface Median {
  seconds: number | null;
  samples: number;
}

/**
 * The bot's time to first reply: for each contact turn (an inbound message after an outbound one,
 * or the first of the period), the next outbound message; counted when the bot wrote it. The
 * contact's time is Meta's timestamp, ours the row's (both from the same clocks in production).
 */
export async function botFirstReply(db: Executor, f: DashboardFilter): Promise<Median> {
  const result = await sql<{ seconds: number | null; samples: number }>`
    with period as (
      select m.contact_id, m.direction, m.created_at,
        case when m.direction = 'in' then coalesce(m.wa_timestamp, m.created_at) else m.created_at end as at
      from messages m
      where m.created_at >= ${f.from} and m.created_at < ${f.to} ${channelOf('m', f)}
    ), turns as (
      select contact_id, direction, at, lag(direction) over (partition by contact_id order by at) as previous from period
    )
    select percentile_cont(0.5) within group (order by extract(epoch from r.created_at - t.at))::float8 as seconds,
      count(*)::int as samples
    from turns t
    cross join lateral (
      select o.created_at, o.author_kind from messages o
      where o.contact_id = t.contact_id and o.created_at >= t.at and o.direction = 'out'
      order by o.created_at limit 1
    ) r
    where t.direction = 'in' and (t.previous is null or t.previous = 'out') and r.author_kind = 'bot'`.execute(db);
  const row = result.rows[0];
  return { seconds: row?.seconds ?? null, samples: row?.samples ?? 0 };
}

/** A person's time to first reply: from a handoff opening to the first message an agent or operator sent. */
export async function humanFirstReply(db: Executor, f: DashboardFilter): Promise<Median> {
  const result = await sql<{ seconds: number | null; samples: number }>`
    select percentile_cont(0.5) within group (order by extract(epoch from r.created_at - h.created_at))::float8 as seconds,
      count(*)::int as samples
    from handoffs h
    cross join lateral (
      select o.created_at from messages o
      where o.contact_id = h.contact_id and o.created_at >= h.created_at and o.direction = 'out'
        and o.author_kind in ('agent', 'operator')
      order by o.created_at limit 1
    ) r
    where h.created_at >= ${f.from} and h.created_at < ${f.to} ${contactOnChannel('h', f)}`.execute(db);
  const row = result.rows[0];
  return { seconds: row?.seconds ?? null, samples: row?.samples ?? 0 };
}

export interface OrderDay {
  day: string;
  orders: number;
  revenue_cents: number;
}

/** Orders that were not cancelled, by the day they were placed. */
export async function ordersByDay(db: Executor, f: DashboardFilter): Promise<OrderDay[]> {
  const result = await sql<OrderDay>`
    select ${dayOf(sql`o.created_at`, f)} as day, count(*)::int as orders, coalesce(sum(o.total_cents), 0)::int as revenue_cents
    from orders o
    where o.created_at >= ${f.from} and o.created_at < ${f.to} and o.status <> 'cancelled' ${contactOnChannel('o', f)}
    group by 1`.execute(db);
  return result.rows;
}

/** Distinct conversations that entered each block of the flow in the period. */
export async function sessionsPerNode(db: Executor, flowId: string, f: DashboardFilter): Promise<Map<string, number>> {
  const result = await sql<{ node_id: string; sessions: number }>`
    select e.node_id, count(distinct e.session_id)::int as sessions from analytics_events e
    where e.flow_id = ${flowId} and e.kind = 'enter' and e.created_at >= ${f.from} and e.created_at < ${f.to} ${contactOnChannel('e', f)}
    group by 1`.execute(db);
  return new Map(result.rows.map((r) => [r.node_id, r.sessions]));
}

/** The graph the funnel is drawn from: the published version, else the draft. */
export async function funnelGraph(db: Executor, flowId: string): Promise<{ name: string; graph: unknown } | undefined> {
  const flow = await db
    .selectFrom('flows')
    .select(['name', 'draft', 'published_version'])
    .where('id', '=', flowId)
    .executeTakeFirst();
  if (!flow) return undefined;
  if (flow.published_version === null) return { name: flow.name, graph: flow.draft };
  const version = await db
    .selectFrom('flow_versions')
    .select('graph')
    .where('flow_id', '=', flowId)
    .where('version', '=', flow.published_version)
    .executeTakeFirst();
  return { name: flow.name, graph: version?.graph ?? flow.draft };
}

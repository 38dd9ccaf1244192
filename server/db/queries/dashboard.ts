import { sql } from 'kysely';
import type { Executor } from '../database.ts';

/**
 * The dashboard's funnel (the other figures are in daily-figures.ts). Bounded by the period on an
 * indexed `created_at` (migration 0017), so the cost follows the period's rows.
 */
export interface DashboardFilter {
  from: Date;
  to: Date;
  /** Only this channel's contacts; null for every channel. */
  channelId: string | null;
  /** The IANA zone the days are counted in. */
  timeZone: string;
}

/** `and <alias>.contact_id belongs to the channel`, or nothing. */
const contactOnChannel = (alias: string, f: DashboardFilter) =>
  f.channelId === null
    ? sql``
    : sql`and ${sql.ref(`${alias}.contact_id`)} in (select id from contacts where channel_id = ${f.channelId})`;

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

import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { analyticsQuery, analyticsResponse } from '../../shared/api/analytics.ts';
import { flowExists } from '../db/queries/flows.ts';
import { requireRole } from '../http/auth.ts';
import { notFound } from '../http/errors.ts';
import { createRouter, json } from '../http/router.ts';
import { countByNode, nodeTypesOf } from './analytics-stops.ts';

const dayMs = 24 * 60 * 60 * 1000;

/** Mounted under /api/flows: per-node entries, exits and where conversations stopped, and a per-version funnel. */
export const analyticsRoutes = createRouter();
analyticsRoutes.use('*', requireRole('editor'));

analyticsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/analytics',
    tags: ['flows'],
    description:
      'Counts for a period: `days` (7, 30 or 90: the last days up to now) or ISO `from`/`to` (either may be ' +
      'left open); none counts all time. A conversation that stopped at a block counts as a completion at an end block ' +
      'or a go-to, as with an agent at a handoff, and as a drop-off anywhere else.',
    request: { params: z.object({ id: z.string().min(1).max(100) }), query: analyticsQuery },
    responses: { 200: json(analyticsResponse, 'Counts from the analytics events the engine emits') },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const { id } = c.req.valid('param');
    const { version, days, from: fromText, to: toText } = c.req.valid('query');
    if (!(await flowExists(db, id))) throw notFound('Fluxo');
    const from =
      days !== undefined ? new Date(clock.now().getTime() - days * dayMs) : fromText ? new Date(fromText) : null;
    const to = toText ? new Date(toText) : null;
    const inPeriod = sql`${from === null ? sql`true` : sql`e.created_at >= ${from}`} and ${to === null ? sql`true` : sql`e.created_at < ${to}`}`;
    const versionFilter =
      version === undefined
        ? sql`true`
        : sql`e.flow_version_id = (select id from flow_versions where flow_id = ${id} and version = ${version})`;
    const perNode = await sql<{ version_id: string; node_id: string; kind: string; n: number }>`
      select e.flow_version_id as version_id, e.node_id, e.kind, count(*)::int as n from analytics_events e
      where e.flow_id = ${id} and ${versionFilter} and ${inPeriod} group by e.flow_version_id, e.node_id, e.kind
    `.execute(db);
    const perVersion = await sql<{ version: number; sessions: number; entries: number }>`
      select v.version, count(distinct e.session_id)::int as sessions, count(*) filter (where e.kind = 'enter')::int as entries
      from analytics_events e join flow_versions v on v.id = e.flow_version_id
      where e.flow_id = ${id} and ${inPeriod} group by v.version order by v.version
    `.execute(db);
    // What each block is decides where its stopped conversations count (see analytics-stops.ts).
    const versionIds = [...new Set(perNode.rows.map((r) => r.version_id))];
    const graphs =
      versionIds.length === 0
        ? []
        : await db.selectFrom('flow_versions').select(['id', 'graph']).where('id', 'in', versionIds).execute();
    const typesByVersion = new Map(graphs.map((g) => [g.id, nodeTypesOf(g.graph)]));
    const nodes = countByNode(
      perNode.rows.map((r) => ({ versionId: r.version_id, nodeId: r.node_id, kind: r.kind, n: r.n })),
      typesByVersion,
    );
    return c.json(
      {
        period: { from: from?.toISOString() ?? null, to: to?.toISOString() ?? null },
        nodes,
        versions: perVersion.rows,
      },
      200,
    );
  },
);

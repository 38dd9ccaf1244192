import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { requireRole } from '../http/auth.ts';
import { notFound } from '../http/errors.ts';
import { createRouter, json } from '../http/router.ts';

const analyticsResponse = z.object({
  nodes: z.record(z.string(), z.object({ entries: z.number().int(), exits: z.number().int(), dropOff: z.number().int() })),
  versions: z.array(z.object({ version: z.number().int(), sessions: z.number().int(), entries: z.number().int() })),
});

/** Mounted under /api/flows: per-node entries, exits and drop-off, and a per-version funnel. */
export const analyticsRoutes = createRouter();
analyticsRoutes.use('*', requireRole('editor'));

analyticsRoutes.openapi(
  createRoute({
    method: 'get', path: '/{id}/analytics', tags: ['flows'],
    request: { params: z.object({ id: z.string().min(1).max(100) }), query: z.object({ version: z.coerce.number().int().min(1).optional() }) },
    responses: { 200: json(analyticsResponse, 'Counts from the analytics events the engine emits') },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const { id } = c.req.valid('param');
    const { version } = c.req.valid('query');
    const flow = await db.selectFrom('flows').select('id').where('id', '=', id).executeTakeFirst();
    if (!flow) throw notFound('Fluxo');
    const versionFilter = version === undefined ? sql`true`
      : sql`e.flow_version_id = (select id from flow_versions where flow_id = ${id} and version = ${version})`;
    const perNode = await sql<{ node_id: string; kind: string; n: number }>`
      select e.node_id, e.kind, count(*)::int as n from analytics_events e
      where e.flow_id = ${id} and ${versionFilter} group by e.node_id, e.kind
    `.execute(db);
    const perVersion = await sql<{ version: number; sessions: number; entries: number }>`
      select v.version, count(distinct e.session_id)::int as sessions, count(*) filter (where e.kind = 'enter')::int as entries
      from analytics_events e join flow_versions v on v.id = e.flow_version_id
      where e.flow_id = ${id} group by v.version order by v.version
    `.execute(db);
    const nodes: Record<string, { entries: number; exits: number; dropOff: number }> = {};
    for (const r of perNode.rows) {
      const n = (nodes[r.node_id] ??= { entries: 0, exits: 0, dropOff: 0 });
      if (r.kind === 'enter') n.entries = r.n;
      if (r.kind === 'exit') n.exits = r.n;
    }
    // Who entered a block and never left it stopped there (or is still waiting there).
    for (const n of Object.values(nodes)) n.dropOff = Math.max(0, n.entries - n.exits);
    return c.json({ nodes, versions: perVersion.rows }, 200);
  },
);

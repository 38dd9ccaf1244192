import { createRoute } from '@hono/zod-openapi';
import { auditQuery, auditResponse, type AuditEntry, type AuditQuery } from '../../shared/api/audit.ts';
import type { Context } from 'hono';
import { csvLine } from '../audit/audit-csv.ts';
import type { AppEnv } from '../context.ts';
import { auditActions, listAudit, recordAudit } from '../db/queries/audit.ts';
import { listUsers } from '../db/queries/users.ts';
import { requireRole } from '../http/auth.ts';
import { createRouter, json } from '../http/router.ts';

/** The audit log: who did what and when. Admins only; exporting it is itself recorded. */
export const auditRoutes = createRouter();
auditRoutes.use('*', requireRole('admin'));
const tags = ['audit'];
/** The most rows one export holds; narrow the filter for more. */
const exportLimit = 100_000;

async function entries(c: Context<AppEnv>, q: AuditQuery, limit: number): Promise<AuditEntry[]> {
  const rows = await listAudit(c.var.deps.db, {
    actor: q.actor,
    action: q.action,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    before: q.cursor,
    limit,
  });
  return rows.map((r) => ({
    id: String(r.id),
    createdAt: new Date(r.created_at).toISOString(),
    action: r.action,
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    actorName: r.user_name || r.user_email || r.token_name || null,
    targetType: r.target_type,
    targetId: r.target_id,
    details: r.details,
  }));
}

auditRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags,
    request: { query: auditQuery },
    responses: {
      200: json(
        auditResponse,
        'Newest first; filter by person (`actor`), `action` (or a prefix like `auth.`) and period',
      ),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const page = await entries(c, q, q.limit + 1);
    const more = page.length > q.limit;
    const shown = more ? page.slice(0, q.limit) : page;
    const [users, actions] = await Promise.all([listUsers(c.var.deps.db), auditActions(c.var.deps.db)]);
    return c.json(
      {
        entries: shown,
        nextCursor: more ? (shown[shown.length - 1]?.id ?? null) : null,
        actors: users.map((u) => ({ id: u.id, name: u.name || u.email })),
        actions,
      },
      200,
    );
  },
);

auditRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/export.csv',
    tags,
    request: { query: auditQuery.omit({ cursor: true, limit: true }) },
    responses: {
      200: {
        description: `The filtered entries as CSV (at most ${exportLimit}), newest first; recorded as \`audit.export\``,
        content: { 'text/csv': { schema: { type: 'string' } } },
      },
    },
  }),
  async (c) => {
    const q = { ...c.req.valid('query'), limit: exportLimit };
    const rows = await entries(c, q, exportLimit);
    await recordAudit(
      c.var.deps.db,
      c.var.actor,
      'audit.export',
      { type: 'audit_log', id: null },
      {
        filter: { actor: q.actor ?? null, action: q.action ?? null, from: q.from ?? null, to: q.to ?? null },
        rows: rows.length,
      },
    );
    let body = csvLine([
      'id',
      'created_at',
      'action',
      'actor_kind',
      'actor_id',
      'actor_name',
      'target_type',
      'target_id',
      'details',
    ]);
    for (const r of rows) {
      body += csvLine([
        r.id,
        r.createdAt,
        r.action,
        r.actorKind,
        r.actorId,
        r.actorName,
        r.targetType,
        r.targetId,
        r.details,
      ]);
    }
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="auditoria.csv"');
    return c.body(body, 200);
  },
);

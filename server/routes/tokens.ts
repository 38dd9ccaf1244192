import { createRoute, z } from '@hono/zod-openapi';
import { createdToken, createTokenRequest, tokensResponse } from '../../shared/api/auth.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { createApiToken } from '../db/queries/tokens.ts';
import type { Row } from '../db/tables.ts';
import { requireRole } from '../http/auth.ts';
import { notFound } from '../http/errors.ts';
import { createRouter, json, jsonBody } from '../http/router.ts';

export const tokenRoutes = createRouter();
tokenRoutes.use('*', requireRole('admin'));
const tags = ['tokens'];

const view = (t: Row<'api_tokens'>) => ({
  id: t.id, name: t.name, role: t.role, createdAt: new Date(t.created_at).toISOString(),
  lastUsedAt: t.last_used_at ? new Date(t.last_used_at).toISOString() : null,
});

tokenRoutes.openapi(
  createRoute({ method: 'get', path: '/', tags, responses: { 200: json(tokensResponse, 'Active tokens') } }),
  async (c) => {
    const rows = await c.var.deps.db.selectFrom('api_tokens').selectAll().where('revoked_at', 'is', null).orderBy('created_at').execute();
    return c.json({ tokens: rows.map(view) }, 200);
  },
);

tokenRoutes.openapi(
  createRoute({
    method: 'post', path: '/', tags, request: { body: jsonBody(createTokenRequest) },
    responses: { 201: json(createdToken, 'The token; its secret is shown only now') },
  }),
  async (c) => {
    const body = c.req.valid('json');
    const { row, secret } = await c.var.deps.db.transaction().execute(async (tx) => {
      const created = await createApiToken(tx, { ...body, createdBy: c.var.actor.userId });
      await recordAudit(tx, c.var.actor, 'token.create', { type: 'api_token', id: created.row.id }, { role: body.role });
      return created;
    });
    return c.json({ token: view(row), secret }, 201);
  },
);

tokenRoutes.openapi(
  createRoute({
    method: 'delete', path: '/{id}', tags, request: { params: z.object({ id: z.string().min(1) }) },
    responses: { 204: { description: 'Revoked' } },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const { db, clock } = c.var.deps;
    const revoked = await db.updateTable('api_tokens').set({ revoked_at: clock.now() })
      .where('id', '=', id).where('revoked_at', 'is', null).returning('id').executeTakeFirst();
    if (!revoked) throw notFound('Token');
    await recordAudit(db, c.var.actor, 'token.revoke', { type: 'api_token', id });
    return c.body(null, 204);
  },
);

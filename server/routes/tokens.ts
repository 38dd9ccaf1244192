import { createRoute, z } from '@hono/zod-openapi';
import { createdToken, createTokenRequest, tokensResponse } from '../../shared/api/auth.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { createApiToken, listActiveTokens, revokeToken } from '../db/queries/tokens.ts';
import { findUserSummary } from '../db/queries/users.ts';
import type { Row } from '../db/tables.ts';
import { requireRole } from '../http/auth.ts';
import { AppError } from '../http/errors.ts';
import { createRouter, json, jsonBody } from '../http/router.ts';
import { changeAudited } from './audited-change.ts';

export const tokenRoutes = createRouter();
tokenRoutes.use('*', requireRole('admin'));
const tags = ['tokens'];

type Owner = { id: string; email: string; name: string } | null;
const iso = (t: Date | string | null) => (t ? new Date(t).toISOString() : null);
const view = (t: Row<'api_tokens'>, owner: Owner) => ({
  id: t.id,
  name: t.name,
  role: t.role,
  createdAt: new Date(t.created_at).toISOString(),
  lastUsedAt: iso(t.last_used_at),
  expiresAt: iso(t.expires_at),
  owner,
});

tokenRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags,
    responses: {
      200: json(tokensResponse, 'Every token not revoked (expired ones too, until revoked), with its owner'),
    },
  }),
  async (c) => {
    const rows = await listActiveTokens(c.var.deps.db);
    return c.json(
      {
        tokens: rows.map((r) =>
          view(r, r.user_id ? { id: r.user_id, email: r.owner_email ?? '', name: r.owner_name ?? '' } : null),
        ),
      },
      200,
    );
  },
);

tokenRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags,
    request: { body: jsonBody(createTokenRequest) },
    responses: { 201: json(createdToken, 'The token, acting as the caller; its secret is shown only now') },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    const expiresAt = body.expiresAt ? new Date(body.expiresAt) : null;
    if (expiresAt && expiresAt <= clock.now()) {
      throw new AppError(400, 'invalid_request', 'A data de expiração precisa estar no futuro.');
    }
    // The new token acts as the caller's user (a token's owner when a token creates it).
    const ownerId = c.var.actor.userId;
    const { row, secret, owner } = await db.transaction().execute(async (tx) => {
      const created = await createApiToken(tx, { name: body.name, role: body.role, createdBy: ownerId, expiresAt });
      await recordAudit(
        tx,
        c.var.actor,
        'token.create',
        { type: 'api_token', id: created.row.id },
        { role: body.role, expiresAt: iso(expiresAt) },
      );
      const user = ownerId ? await findUserSummary(tx, ownerId) : undefined;
      return { ...created, owner: user ?? null };
    });
    return c.json({ token: view(row, owner), secret }, 201);
  },
);

tokenRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/{id}',
    tags,
    request: { params: z.object({ id: z.string().min(1) }) },
    responses: { 204: { description: 'Revoked' } },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const now = c.var.deps.clock.now();
    await changeAudited(c, {
      resource: 'Token',
      action: 'token.revoke',
      target: { type: 'api_token', id },
      change: (tx) => revokeToken(tx, id, now),
    });
    return c.body(null, 204);
  },
);

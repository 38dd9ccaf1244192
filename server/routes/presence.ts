import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { presenceRequest, presenceResponse } from '../../shared/api/teams.ts';
import type { AppEnv } from '../context.ts';
import { findPresence, upsertPresence } from '../db/queries/teams.ts';
import { announceAssignments } from '../handoffs/announce.ts';
import { routeQueued } from '../handoffs/routing.ts';
import { requireRole } from '../http/auth.ts';
import { AppError } from '../http/errors.ts';
import { createRouter, json, jsonBody } from '../http/router.ts';

/** The caller's own presence and capacity: what routing looks at before giving them a conversation. */
export const presenceRoutes = createRouter();
presenceRoutes.use('*', requireRole('agent'));
const tags = ['teams'];

function callerId(c: Context<AppEnv>): string {
  const { userId } = c.var.actor;
  if (userId === null)
    throw new AppError(403, 'forbidden', 'Só um usuário tem presença; este token não pertence a nenhum.');
  return userId;
}

async function presenceOf(c: Context<AppEnv>, userId: string) {
  const row = await findPresence(c.var.deps.db, userId);
  return {
    status: row?.status ?? 'offline',
    capacity: row?.capacity ?? 5,
    lastActiveAt: row?.last_active_at ? new Date(row.last_active_at).toISOString() : null,
  };
}

presenceRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags,
    responses: { 200: json(presenceResponse, 'The caller’s presence (offline until first set)') },
  }),
  async (c) => c.json({ presence: await presenceOf(c, callerId(c)) }, 200),
);

// PUT and PATCH alike: only the fields sent change (SPEC: partial semantics on every updatable resource).
for (const method of ['put', 'patch'] as const) {
  presenceRoutes.openapi(
    createRoute({
      method,
      path: '/',
      tags,
      request: { body: jsonBody(presenceRequest) },
      responses: {
        200: json(presenceResponse, 'Set; coming online or raising the capacity takes queued conversations at once'),
      },
    }),
    async (c) => {
      const userId = callerId(c);
      const body = c.req.valid('json');
      const { db, clock, events } = c.var.deps;
      const now = clock.now();
      await upsertPresence(db, userId, body, now);
      if (body.status === 'online') announceAssignments(events, await routeQueued(db, now));
      return c.json({ presence: await presenceOf(c, userId) }, 200);
    },
  );
}

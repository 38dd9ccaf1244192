import { createRoute, z } from '@hono/zod-openapi';
import { agentCapacityRequest, inboxAgentsResponse, teamQueuesResponse } from '../../shared/api/team-overview.ts';
import { apiError } from '../../shared/api/common.ts';
import { findUserAccess } from '../db/queries/users.ts';
import { listInboxAgents, listTeamQueues } from '../db/queries/team-overview.ts';
import { announceAssignments } from '../handoffs/announce.ts';
import { routeQueued } from '../handoffs/routing.ts';
import { requireRole } from '../http/auth.ts';
import { AppError } from '../http/errors.ts';
import { createRouter, json, jsonBody } from '../http/router.ts';
import { changeAudited } from './audited-change.ts';

/** The floor at a glance: who is online with how many conversations, and what waits in each queue. */
export const teamOverviewRoutes = createRouter();
const tags = ['teams'];

teamOverviewRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/agents',
    tags,
    middleware: [requireRole('agent')],
    responses: {
      200: json(inboxAgentsResponse, 'Active inbox people with presence, capacity and load (to transfer to)'),
    },
  }),
  async (c) => c.json({ agents: await listInboxAgents(c.var.deps.db) }, 200),
);

teamOverviewRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/queues',
    tags,
    middleware: [requireRole('supervisor')],
    responses: { 200: json(teamQueuesResponse, 'Each team’s queue: waiting, longest wait, held, SLA missed') },
  }),
  async (c) => c.json({ queues: await listTeamQueues(c.var.deps.db) }, 200),
);

teamOverviewRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/agents/{userId}/capacity',
    tags,
    middleware: [requireRole('supervisor')],
    request: { params: z.object({ userId: z.string().min(1).max(100) }), body: jsonBody(agentCapacityRequest) },
    responses: {
      200: json(z.object({ capacity: z.number().int() }), 'Set; a higher capacity takes queued conversations at once'),
      400: json(apiError, '`invalid_agent`: not an active inbox person'),
    },
  }),
  async (c) => {
    const { userId } = c.req.valid('param');
    const { capacity } = c.req.valid('json');
    const { db, clock, events } = c.var.deps;
    const user = await findUserAccess(db, userId);
    if (!user || user.disabled || user.role === 'editor')
      throw new AppError(400, 'invalid_agent', 'Escolha um atendente, supervisor ou administrador ativo.');
    await changeAudited(c, {
      resource: 'Pessoa',
      action: 'presence.capacity',
      target: { type: 'user', id: userId },
      details: { capacity },
      change: async (tx) => {
        // Someone never signed in has no presence yet: offline, with this capacity once they come online.
        await tx
          .insertInto('agent_presence')
          .values({ user_id: userId, capacity })
          .onConflict((oc) => oc.column('user_id').doUpdateSet({ capacity }))
          .execute();
        return true;
      },
    });
    announceAssignments(events, await routeQueued(db, clock.now()));
    return c.json({ capacity }, 200);
  },
);

import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { apiError } from '../../shared/api/common.ts';
import { createTeamRequest, teamResponse, teamsResponse, updateTeamRequest } from '../../shared/api/teams.ts';
import type { AppEnv } from '../context.ts';
import type { Executor } from '../db/database.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { findTeamByName, insertTeam, listTeams, updateTeam } from '../db/queries/teams.ts';
import { announceAssignments } from '../handoffs/announce.ts';
import { routeQueued } from '../handoffs/routing.ts';
import { requireRole } from '../http/auth.ts';
import { AppError, notFound } from '../http/errors.ts';
import { createRouter, json, jsonBody, updateRoute } from '../http/router.ts';
import { changeAudited } from './audited-change.ts';

/** Teams the handoff block names: members, first-reply SLA, canned replies. Admins change them; the inbox reads them. */
export const teamRoutes = createRouter();
const tags = ['teams'];
const idParam = z.object({ id: z.string().min(1).max(100) });

teamRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags,
    middleware: [requireRole('agent')],
    responses: { 200: json(teamsResponse, 'Every team, by name') },
  }),
  async (c) => c.json({ teams: await listTeams(c.var.deps.db) }, 200),
);

/** Members must be active people with an inbox: an editor or a typo would leave conversations unanswered. */
async function refuseBadMembers(db: Executor, memberIds: string[] | undefined): Promise<void> {
  if (!memberIds?.length) return;
  const found = await db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', memberIds)
    .where('disabled', '=', false)
    .where('role', '<>', 'editor')
    .execute();
  if (found.length !== new Set(memberIds).size)
    throw new AppError(
      400,
      'invalid_member',
      'Os membros devem ser atendentes, supervisores ou administradores ativos.',
    );
}

async function refuseTakenName(db: Executor, name: string | undefined, self?: string): Promise<void> {
  if (name === undefined) return;
  const other = await findTeamByName(db, name);
  if (other && other.id !== self) throw new AppError(409, 'name_taken', 'Já existe uma equipe com esse nome.');
}

/** New members or a new name can take queued handoffs now. */
async function routeAfterChange(c: Context<AppEnv>): Promise<void> {
  const { db, clock, events } = c.var.deps;
  announceAssignments(events, await routeQueued(db, clock.now()));
}

async function teamOrThrow(db: Executor, id: string) {
  const [found] = await listTeams(db, [id]);
  if (!found) throw notFound('Equipe');
  return found;
}

teamRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags,
    middleware: [requireRole('admin')],
    request: { body: jsonBody(createTeamRequest) },
    responses: {
      201: json(teamResponse, 'Created'),
      400: json(apiError, '`invalid_member`'),
      409: json(apiError, '`name_taken`'),
    },
  }),
  async (c) => {
    const body = c.req.valid('json');
    const { db } = c.var.deps;
    await refuseBadMembers(db, body.memberIds);
    await refuseTakenName(db, body.name);
    const id = await db.transaction().execute(async (tx) => {
      const teamId = await insertTeam(tx, body);
      await recordAudit(tx, c.var.actor, 'team.create', { type: 'team', id: teamId }, { name: body.name });
      return teamId;
    });
    await routeAfterChange(c);
    return c.json({ team: await teamOrThrow(db, id) }, 201);
  },
);

updateRoute(
  teamRoutes,
  {
    path: '/{id}',
    tags,
    middleware: [requireRole('admin')],
    request: { params: idParam, body: jsonBody(updateTeamRequest) },
    responses: {
      200: json(teamResponse, 'Updated: only the fields sent change (PUT the same as PATCH)'),
      400: json(apiError, '`invalid_member`'),
      409: json(apiError, '`name_taken`'),
    },
  },
  async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { db } = c.var.deps;
    await refuseBadMembers(db, body.memberIds);
    await refuseTakenName(db, body.name, id);
    await changeAudited(c, {
      resource: 'Equipe',
      action: 'team.update',
      target: { type: 'team', id },
      details: { fields: Object.keys(body) },
      change: async (tx) => {
        const exists = await tx.selectFrom('teams').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
        if (!exists) return undefined;
        await updateTeam(tx, id, body);
        return true;
      },
    });
    await routeAfterChange(c);
    return c.json({ team: await teamOrThrow(db, id) }, 200);
  },
);

teamRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/{id}',
    tags,
    middleware: [requireRole('admin')],
    request: { params: idParam },
    responses: { 204: { description: 'Deleted; its queued handoffs stay visible to every agent' } },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    await changeAudited(c, {
      resource: 'Equipe',
      action: 'team.delete',
      target: { type: 'team', id },
      change: async (tx) =>
        (await tx.deleteFrom('teams').where('id', '=', id).returning('id').executeTakeFirst()) ?? undefined,
    });
    return c.body(null, 204);
  },
);

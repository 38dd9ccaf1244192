import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { apiError } from '../../shared/api/common.ts';
import {
  handoffDetailResponse,
  handoffNoteRequest,
  handoffTemplatesResponse,
  transferHandoffRequest,
} from '../../shared/api/handoffs.ts';
import { templateComponentView } from '../../shared/api/message-templates.ts';
import { templateBodyParameters, templateBodyText } from '../../shared/messages/template-body.ts';
import { findContact } from '../db/queries/contacts.ts';
import { listMessageTemplates } from '../db/queries/message-templates.ts';
import type { AppEnv } from '../context.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { liveSessionForUpdate, insertPausedSession, pauseSessionForHandoff } from '../db/queries/conversations.ts';
import { assignHandoff, insertHandoffNote, moveToTeam, reopenHandoff } from '../db/queries/handoffs.ts';
import { listTeams } from '../db/queries/teams.ts';
import { findUserAccess } from '../db/queries/users.ts';
import { announceAssignments } from '../handoffs/announce.ts';
import { routeQueued } from '../handoffs/routing.ts';
import { requireRole } from '../http/auth.ts';
import { AppError, notFound } from '../http/errors.ts';
import { createRouter, json, jsonBody } from '../http/router.ts';
import { loadHandoffs, requireHandoff } from './handoff-views.ts';

/** Working a handoff with the team: transfers, internal notes, reopening. */
export const handoffActionRoutes = createRouter();
handoffActionRoutes.use('*', requireRole('agent'));
const tags = ['inbox'];
const idParam = z.object({ id: z.string().min(1).max(100) });
const handoffOnly = handoffDetailResponse.pick({ handoff: true });
const alreadyResolved = () => new AppError(409, 'already_resolved', 'Este atendimento já foi encerrado.');

handoffActionRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/notes',
    tags,
    request: { params: idParam, body: jsonBody(handoffNoteRequest) },
    responses: {
      201: json(z.object({ ok: z.literal(true) }), 'Noted: seen by the team only, never sent to the contact'),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const { text } = c.req.valid('json');
    const handoff = await requireHandoff(c, id);
    const { db, clock, events } = c.var.deps;
    await insertHandoffNote(db, { handoffId: id, userId: c.var.actor.userId, kind: 'note', text, now: clock.now() });
    events?.publish({ type: 'handoff.claimed', conversationId: handoff.contact.id, handoffId: id });
    return c.json({ ok: true as const }, 201);
  },
);

handoffActionRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/transfer',
    tags,
    request: { params: idParam, body: jsonBody(transferHandoffRequest) },
    responses: {
      200: json(
        handoffOnly,
        'Given to the agent, or put in the team’s queue (and routed at once when someone is free)',
      ),
      400: json(apiError, '`invalid_assignee` or `invalid_team`'),
      409: json(apiError, '`already_resolved`'),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { db, clock, events } = c.var.deps;
    const handoff = await requireHandoff(c, id);
    if (handoff.status === 'resolved') throw alreadyResolved();
    const now = clock.now();
    let teamName: string | undefined;
    if (body.userId !== undefined) {
      const user = await findUserAccess(db, body.userId);
      if (!user || user.disabled || user.role === 'editor')
        throw new AppError(400, 'invalid_assignee', 'Escolha um atendente, supervisor ou administrador ativo.');
    } else if (body.teamId !== undefined) {
      const [team] = await listTeams(db, [body.teamId]);
      if (!team) throw new AppError(400, 'invalid_team', 'Essa equipe não existe.');
      teamName = team.name;
    }
    const target = body.userId ?? teamName ?? '';
    const moved = await db.transaction().execute(async (tx) => {
      const ok =
        body.userId !== undefined ? await assignHandoff(tx, id, body.userId, now) : await moveToTeam(tx, id, target);
      if (!ok) return false;
      const what = body.userId !== undefined ? `→ ${target}` : `→ equipe ${target}`;
      await insertHandoffNote(tx, {
        handoffId: id,
        userId: c.var.actor.userId,
        kind: 'transfer',
        text: body.note ? `${what}: ${body.note}` : what,
        now,
      });
      await recordAudit(
        tx,
        c.var.actor,
        'handoff.transfer',
        { type: 'handoff', id },
        body.userId !== undefined ? { userId: body.userId } : { teamId: body.teamId },
      );
      return true;
    });
    if (!moved) throw alreadyResolved();
    if (body.userId !== undefined)
      announceAssignments(events, [{ handoffId: id, contactId: handoff.contact.id, userId: body.userId }]);
    // Into a team's queue, or the caller's slot freed: either way the queue may move.
    announceAssignments(events, await routeQueued(db, clock.now()));
    events?.publish({ type: 'handoff.claimed', conversationId: handoff.contact.id, handoffId: id });
    return c.json({ handoff: await currentState(c, id) }, 200);
  },
);

/** After a transfer the caller may no longer hold it: answer with what it is now, without the access check. */
async function currentState(c: Context<AppEnv>, id: string) {
  const [found] = await loadHandoffs(c.var.deps.db, c.var.deps.clock.now(), { id });
  if (!found) throw notFound('Atendimento');
  return found;
}

handoffActionRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/reopen',
    tags,
    middleware: [requireRole('supervisor')],
    request: { params: idParam, body: jsonBody(handoffNoteRequest.partial()) },
    responses: {
      200: json(handoffOnly, 'Back in its team’s queue, and the bot silent again for this contact'),
      409: json(apiError, '`not_resolved`, or `already_open` (the contact has another unresolved handoff)'),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const { text } = c.req.valid('json');
    const { db, clock, events } = c.var.deps;
    const handoff = await requireHandoff(c, id);
    if (handoff.status !== 'resolved') throw new AppError(409, 'not_resolved', 'Este atendimento ainda está aberto.');
    const now = clock.now();
    const reopened = await db.transaction().execute(async (tx) => {
      // The live session row is the lock, as for a takeover: the bot stops answering this contact.
      const session = await liveSessionForUpdate(tx, handoff.contact.id);
      const row = await reopenHandoff(tx, id);
      if (!row) return false;
      if (session) await pauseSessionForHandoff(tx, session.id, now);
      else {
        const sessionId = await insertPausedSession(tx, handoff.contact.id, now);
        if (sessionId) await tx.updateTable('handoffs').set({ session_id: sessionId }).where('id', '=', id).execute();
      }
      await insertHandoffNote(tx, { handoffId: id, userId: c.var.actor.userId, kind: 'reopen', text: text ?? '', now });
      await recordAudit(tx, c.var.actor, 'handoff.reopen', { type: 'handoff', id });
      return true;
    });
    if (!reopened) throw new AppError(409, 'already_open', 'Este contato já tem outro atendimento aberto.');
    events?.publish({ type: 'handoff.opened', conversationId: handoff.contact.id, handoffId: id });
    announceAssignments(events, await routeQueued(db, clock.now()));
    return c.json({ handoff: await currentState(c, id) }, 200);
  },
);

handoffActionRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/templates',
    tags,
    request: { params: idParam },
    responses: {
      200: json(
        handoffTemplatesResponse,
        'Approved templates of the contact’s channel: what the agent can send once the 24-hour window closed',
      ),
    },
  }),
  async (c) => {
    const handoff = await requireHandoff(c, c.req.valid('param').id);
    const { db } = c.var.deps;
    const contact = await findContact(db, handoff.contact.id);
    if (!contact) throw notFound('Contato');
    const rows = await listMessageTemplates(db, { channelId: contact.channel_id, status: 'APPROVED' });
    const templates = rows.map((r) => {
      const components = templateComponentView.array().catch([]).parse(r.components);
      return {
        id: r.id,
        name: r.name,
        language: r.language,
        body: templateBodyText(components),
        parameters: templateBodyParameters(components),
      };
    });
    return c.json({ templates }, 200);
  },
);

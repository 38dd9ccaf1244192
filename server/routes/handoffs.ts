import { queueOutbound } from '../conversation/queue-outbound.ts';
import { emitHandoffEvent } from '../event-webhooks/handoff-event.ts';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  agentMessageRequest,
  assignHandoffRequest,
  handoffDetailResponse,
  handoffsResponse,
  handoffStatuses,
} from '../../shared/api/handoffs.ts';
import type { AppEnv } from '../context.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { findContact } from '../db/queries/contacts.ts';
import { conversationMessages } from '../db/queries/conversations.ts';
import { assignHandoff, claimHandoff, resolveHandoff } from '../db/queries/handoffs.ts';
import { queueHandoffResolved } from '../db/queries/scheduled-jobs.ts';
import { findUserAccess } from '../db/queries/users.ts';
import { apiError } from '../../shared/api/common.ts';
import { requireRole } from '../http/auth.ts';
import { AppError, notFound } from '../http/errors.ts';
import { createRouter, json, jsonBody } from '../http/router.ts';
import { announceAssignments } from '../handoffs/announce.ts';
import { routeQueued } from '../handoffs/routing.ts';
import { agentMessage } from '../handoffs/agent-message.ts';
import { inboxMediaOf } from '../handoffs/inbox-media.ts';
import { markFirstReply } from '../handoffs/sla.ts';
import { publicBaseUrl } from '../http/public-url.ts';
import { seesAllHandoffs } from './handoff-access.ts';
import { loadHandoffs, loadNotes, requireHandoff } from './handoff-views.ts';

/** The agent inbox: conversations a flow handed to a human. Agents work the queue and their own (handoff-access.ts). */
export const handoffRoutes = createRouter();
handoffRoutes.use('*', requireRole('agent'));
const tags = ['inbox'];
const idParam = z.object({ id: z.string().min(1).max(100) });

const alreadyResolved = () => new AppError(409, 'already_resolved', 'Este atendimento já foi encerrado.');

handoffRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags,
    request: { query: z.object({ status: z.enum(handoffStatuses).optional() }) },
    responses: {
      200: json(
        handoffsResponse,
        'Open and claimed handoffs (or by status), oldest first; an agent gets the unassigned ones and their own',
      ),
    },
  }),
  async (c) => {
    const { status } = c.req.valid('query');
    const { actor } = c.var;
    const handoffs = await loadHandoffs(c.var.deps.db, c.var.deps.clock.now(), {
      statuses: status ? [status] : ['open', 'claimed'],
      ...(seesAllHandoffs(actor) ? {} : { visibleTo: actor.userId }),
    });
    return c.json({ handoffs }, 200);
  },
);

handoffRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags,
    request: { params: idParam },
    responses: { 200: json(handoffDetailResponse, 'The handoff with the conversation so far') },
  }),
  async (c) => {
    const handoff = await requireHandoff(c, c.req.valid('param').id);
    const rows = await conversationMessages(c.var.deps.db, handoff.contact.id, 100);
    const messages = rows.reverse().map((m) => ({
      id: m.id,
      direction: m.direction,
      text: m.text,
      type: m.type,
      status: m.status,
      createdAt: new Date(m.created_at).toISOString(),
      author: (m.direction === 'in' ? 'contact' : m.author_kind === 'agent' ? 'agent' : 'bot') as
        'contact' | 'bot' | 'agent',
      media: inboxMediaOf(m),
    }));
    return c.json({ handoff, messages, notes: await loadNotes(c.var.deps.db, handoff.id) }, 200);
  },
);

handoffRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/claim',
    tags,
    request: { params: idParam },
    responses: {
      200: json(handoffDetailResponse.pick({ handoff: true }), 'Assigned to the caller'),
      409: json(apiError, '`already_claimed` (someone else holds it: an admin reassigns) or `already_resolved`'),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const { db, clock } = c.var.deps;
    const userId = c.var.actor.userId;
    if (userId === null)
      throw new AppError(
        403,
        'forbidden',
        'Só um usuário pode assumir um atendimento; este token não pertence a nenhum.',
      );
    // From the queue, only from a team of the caller's (403); one held by someone else is a 409 below.
    const [before] = await loadHandoffs(db, clock.now(), { id });
    if (before?.assignedUserId === null) await requireHandoff(c, id);
    // One statement decides between two agents claiming at once: the loser matches no row.
    const claimed = await db.transaction().execute(async (tx) => {
      if (!(await claimHandoff(tx, id, userId, clock.now()))) return false;
      await recordAudit(tx, c.var.actor, 'handoff.claim', { type: 'handoff', id });
      await emitHandoffEvent(tx, 'handoff.assigned', id, clock.now());
      return true;
    });
    if (!claimed) {
      const [current] = await loadHandoffs(db, clock.now(), { id });
      if (!current) throw notFound('Atendimento');
      if (current.status === 'resolved') throw alreadyResolved();
      throw new AppError(409, 'already_claimed', 'Outra pessoa da equipe já assumiu este atendimento.');
    }
    const handoff = await requireHandoff(c, id);
    if (userId === null) announceAssignments(c.var.deps.events, await routeQueued(db, clock.now()));
    else announceAssignments(c.var.deps.events, [{ handoffId: id, contactId: handoff.contact.id, userId }]);
    c.var.deps.events?.publish({ type: 'handoff.claimed', conversationId: handoff.contact.id, handoffId: id });
    return c.json({ handoff }, 200);
  },
);

handoffRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/messages',
    tags,
    request: { params: idParam, body: jsonBody(agentMessageRequest) },
    responses: {
      202: json(z.object({ messageId: z.string() }), 'Queued for sending'),
      400: json(apiError, '`invalid_media`, `invalid_template` or `invalid_parameters`'),
      409: json(
        apiError,
        '`outside_window`: 24 hours since the contact last wrote, only a template goes out; or `already_resolved`',
      ),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { db, clock } = c.var.deps;
    const handoff = await requireHandoff(c, id);
    if (handoff.status === 'resolved') throw alreadyResolved();
    const contact = await findContact(db, handoff.contact.id);
    if (!contact) throw notFound('Contato'); // erased between the two reads
    const message = await agentMessage(db, body, { channelId: contact.channel_id, publicBase: publicBaseUrl(c) });
    if (message.kind !== 'template' && !handoff.windowOpen) {
      throw new AppError(
        409,
        'outside_window',
        'Já se passaram 24 horas desde a última mensagem do contato: o WhatsApp só aceita um modelo aprovado.',
      );
    }
    const now = clock.now();
    const ids = await db.transaction().execute(async (tx) => {
      const queued = await queueOutbound(tx, {
        contact,
        message,
        authorKind: 'agent',
        authorId: c.var.actor.userId,
        now,
      });
      // Who wrote to the contact, not what: the text stays in the conversation (and goes with an erasure).
      await recordAudit(
        tx,
        c.var.actor,
        'handoff.message',
        { type: 'handoff', id },
        {
          messageId: queued[0] ?? null,
          kind: message.kind,
          ...(message.kind === 'template' && { template: message.name }),
        },
      );
      await markFirstReply(tx, id, now);
      return queued;
    });
    c.var.deps.messaging?.wakeSender();
    c.var.deps.events?.publish({ type: 'message.queued', conversationId: contact.id });
    return c.json({ messageId: ids[0] ?? '' }, 202);
  },
);

handoffRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/resolve',
    tags,
    request: { params: idParam },
    responses: {
      200: json(handoffDetailResponse.pick({ handoff: true }), 'Resolved; the flow continues at its `resolved` output'),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const { db, clock } = c.var.deps;
    const now = clock.now();
    const { actor } = c.var;
    const resolved = await db.transaction().execute(async (tx) => {
      // An agent resolves only what is unassigned or theirs: an admin anything.
      const row = await resolveHandoff(tx, id, now, seesAllHandoffs(actor) ? undefined : actor.userId);
      if (!row) return false;
      await queueHandoffResolved(tx, id, row.contact_id, now);
      await recordAudit(tx, c.var.actor, 'handoff.resolve', { type: 'handoff', id });
      await emitHandoffEvent(tx, 'handoff.resolved', id, now);
      return row.contact_id;
    });
    if (!resolved) {
      await requireHandoff(c, id); // 404, or 403 when someone else holds it
      throw alreadyResolved();
    }
    c.var.deps.messaging?.wake([id]);
    c.var.deps.events?.publish({ type: 'handoff.resolved', conversationId: resolved, handoffId: id });
    // A slot was freed: the queue moves.
    announceAssignments(c.var.deps.events, await routeQueued(db, clock.now()));
    return c.json({ handoff: await requireHandoff(c, id) }, 200);
  },
);

handoffRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/assign',
    tags,
    middleware: [requireRole('supervisor')],
    request: { params: idParam, body: jsonBody(assignHandoffRequest) },
    responses: {
      200: json(
        handoffDetailResponse.pick({ handoff: true }),
        'Reassigned (admins): to an agent or admin, or back to the queue with `userId: null`',
      ),
      400: json(apiError, '`invalid_assignee`: no such active agent or admin'),
      409: json(apiError, '`already_resolved`'),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const { userId } = c.req.valid('json');
    const { db, clock } = c.var.deps;
    if (userId !== null) {
      const user = await findUserAccess(db, userId);
      // Editors have no inbox: a conversation given to one would sit where nobody answers it.
      if (!user || user.disabled || user.role === 'editor') {
        throw new AppError(400, 'invalid_assignee', 'Escolha um atendente ou administrador ativo.');
      }
    }
    const assigned = await db.transaction().execute(async (tx) => {
      if (!(await assignHandoff(tx, id, userId, clock.now()))) return false;
      await recordAudit(tx, c.var.actor, 'handoff.assign', { type: 'handoff', id }, { userId });
      await emitHandoffEvent(tx, 'handoff.assigned', id, clock.now());
      return true;
    });
    if (!assigned) {
      await requireHandoff(c, id);
      throw alreadyResolved();
    }
    const handoff = await requireHandoff(c, id);
    c.var.deps.events?.publish({ type: 'handoff.claimed', conversationId: handoff.contact.id, handoffId: id });
    return c.json({ handoff }, 200);
  },
);

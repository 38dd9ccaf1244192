import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  conversationDetailResponse,
  conversationsQuery,
  conversationsResponse,
} from '../../shared/api/conversations.ts';
import { apiError } from '../../shared/api/common.ts';
import type { AppEnv } from '../context.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { findContact, resetContact } from '../db/queries/contacts.ts';
import {
  conversationMessages,
  findConversations,
  insertPausedSession,
  latestSession,
  liveSessionForUpdate,
  markConversationRead,
  pauseSessionForHandoff,
  unresolvedHandoff,
} from '../db/queries/conversations.ts';
import { claimHandoff } from '../db/queries/handoffs.ts';
import { requireRole } from '../http/auth.ts';
import { AppError, notFound } from '../http/errors.ts';
import { createRouter, json } from '../http/router.ts';
import { serviceWindow } from '../../shared/whatsapp/service-window.ts';
import { toMessage, toSummary } from './conversation-views.ts';
import { assertContactNotHeldByOther } from './handoff-access.ts';

/**
 * Every conversation, handed over or not, and the operator's actions on one: take over (a
 * handoff assigned to the caller) and reset. For admins and agents, as the inbox; editors build
 * flows and test them in the simulator, and contacts' messages are not theirs to read. A
 * conversation another agent holds is listed, but only its holder (and admins) open it.
 */
export const conversationRoutes = createRouter();
conversationRoutes.use('*', requireRole('agent'));
const tags = ['conversations'];
const idParam = z.object({ id: z.string().min(1).max(100) });
const historyLimit = 300;

/** Unread is per person: the caller's user, or the token for a token of no user. */
const readerOf = (c: Context<AppEnv>) => c.var.actor.userId ?? c.var.actor.id;

async function requireConversation(c: Context<AppEnv>, id: string) {
  const contact = await findContact(c.var.deps.db, id);
  if (!contact) throw notFound('Conversa');
  await assertContactNotHeldByOther(c.var.deps.db, c.var.actor, contact.id);
  return contact;
}

/** `<microseconds>.<id>` of the last row: the next page starts right after it. */
const cursorOf = (r: { last_us: string; id: string }) => `${r.last_us}.${r.id}`;
function parseCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  const match = /^(\d{1,19})\.(.+)$/.exec(cursor);
  if (!match?.[1] || !match[2])
    throw new AppError(400, 'invalid_cursor', 'Cursor de página inválido; comece da primeira página.');
  return { us: match[1], id: match[2] };
}

conversationRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags,
    request: { query: conversationsQuery },
    responses: {
      200: json(conversationsResponse, 'Most recently active first, a page at a time'),
      400: json(apiError, '`invalid_cursor`'),
    },
  }),
  async (c) => {
    const { status, channelId, q, cursor, limit } = c.req.valid('query');
    const rows = await findConversations(c.var.deps.db, {
      readerId: readerOf(c),
      status,
      channelId,
      q: q?.trim() || undefined,
      before: parseCursor(cursor),
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return c.json(
      { conversations: page.map(toSummary), nextCursor: rows.length > limit && last ? cursorOf(last) : null },
      200,
    );
  },
);

conversationRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags,
    request: { params: idParam },
    responses: {
      200: json(
        conversationDetailResponse,
        'The conversation with its history (what the contact saw, with delivery statuses) and its session',
      ),
    },
  }),
  async (c) => {
    const contact = await requireConversation(c, c.req.valid('param').id);
    const { db, clock } = c.var.deps;
    const [row] = await findConversations(db, { readerId: readerOf(c), id: contact.id, limit: 1 });
    if (!row) throw notFound('Conversa'); // a contact with no message yet
    const [messages, session] = await Promise.all([
      conversationMessages(db, contact.id, historyLimit),
      latestSession(db, contact.id),
    ]);
    const state = (session?.state ?? {}) as { variables?: Record<string, unknown>; nodeId?: string | null };
    const data = session?.node?.data ?? {};
    const title = [data.label, data.title, data.text, data.body, data.question].find(
      (t): t is string => typeof t === 'string' && t !== '',
    );
    return c.json(
      {
        conversation: {
          ...toSummary(row),
          handoff:
            row.handoff_id && row.handoff_status
              ? { id: row.handoff_id, status: row.handoff_status, assignedUserId: row.assigned_user_id }
              : null,
          windowOpen: serviceWindow(contact.last_inbound_at ? new Date(contact.last_inbound_at) : null, clock.now())
            .open,
        },
        messages: messages.reverse().map(toMessage),
        session: session
          ? {
              id: session.id,
              flowId: session.flow_id,
              flowName: session.flow_name ?? '',
              version: session.version,
              status: session.status,
              block: state.nodeId
                ? { id: state.nodeId, type: session.node?.type ?? null, title: title ? title.slice(0, 120) : null }
                : null,
              variables: state.variables ?? {},
            }
          : null,
      },
      200,
    );
  },
);

conversationRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/read',
    tags,
    request: { params: idParam },
    responses: { 200: json(z.object({ unread: z.literal(0) }), 'Everything so far is read by the caller') },
  }),
  async (c) => {
    const contact = await requireConversation(c, c.req.valid('param').id);
    await markConversationRead(c.var.deps.db, contact.id, readerOf(c), c.var.deps.clock.now());
    return c.json({ unread: 0 as const }, 200);
  },
);

conversationRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/takeover',
    tags,
    request: { params: idParam },
    responses: {
      200: json(
        z.object({ handoffId: z.string() }),
        "The conversation is the caller's: a handoff assigned to them, the flow paused where it stood until it is resolved",
      ),
      403: json(apiError, '`claimed_by_other` (an agent; admins reassign in the inbox), or a token of no user'),
      409: json(apiError, '`already_claimed`: someone took it at the same moment'),
    },
  }),
  async (c) => {
    const contact = await requireConversation(c, c.req.valid('param').id);
    const userId = c.var.actor.userId;
    if (userId === null)
      throw new AppError(
        403,
        'forbidden',
        'Só um usuário pode assumir uma conversa; este token não pertence a nenhum.',
      );
    const { db, clock } = c.var.deps;
    const now = clock.now();
    const outcome = await db.transaction().execute(async (tx) => {
      // The live session row is the lock: a takeover and the flow's own handoff block serialize on it.
      const session = await liveSessionForUpdate(tx, contact.id);
      const existing = await unresolvedHandoff(tx, contact.id);
      if (existing) {
        // Already handed over (by the flow or someone): the caller claims it, as in the inbox.
        if (!(await claimHandoff(tx, existing.id, userId, now))) return { conflict: true as const };
        await recordAudit(
          tx,
          c.var.actor,
          'conversation.takeover',
          { type: 'contact', id: contact.id },
          { handoffId: existing.id },
        );
        return { handoffId: existing.id, opened: false };
      }
      if (session) await pauseSessionForHandoff(tx, session.id, now);
      const sessionId = session?.id ?? (await insertPausedSession(tx, contact.id, now)) ?? null;
      const handoffId = randomUUID();
      const variables = ((session?.state ?? {}) as { variables?: unknown }).variables ?? {};
      const inserted = await tx
        .insertInto('handoffs')
        .values({
          id: handoffId,
          contact_id: contact.id,
          session_id: sessionId,
          team: 'takeover',
          status: 'claimed',
          assigned_user_id: userId,
          claimed_at: now,
          created_at: now,
          note: '',
          context: JSON.stringify({ variables, takeover: true }),
        })
        .onConflict((oc) => oc.column('contact_id').where('status', '<>', 'resolved').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) return { conflict: true as const };
      await recordAudit(tx, c.var.actor, 'conversation.takeover', { type: 'contact', id: contact.id }, { handoffId });
      return { handoffId, opened: true };
    });
    if ('conflict' in outcome)
      throw new AppError(409, 'already_claimed', 'Outra pessoa da equipe assumiu esta conversa agora.');
    c.var.deps.events?.publish({
      type: outcome.opened ? 'handoff.opened' : 'handoff.claimed',
      conversationId: contact.id,
      handoffId: outcome.handoffId,
    });
    return c.json({ handoffId: outcome.handoffId }, 200);
  },
);

conversationRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/reset',
    tags,
    request: { params: idParam },
    responses: {
      200: json(
        z.object({ ended: z.number().int() }),
        'The session ended (and any handoff resolved): the next message starts the flow again',
      ),
    },
  }),
  async (c) => {
    const contact = await requireConversation(c, c.req.valid('param').id);
    const { db, clock } = c.var.deps;
    const ended = await db.transaction().execute(async (tx) => {
      const count = await resetContact(tx, contact.id, clock.now());
      await recordAudit(
        tx,
        c.var.actor,
        'conversation.reset',
        { type: 'contact', id: contact.id },
        { sessionsEnded: count },
      );
      return count;
    });
    c.var.deps.events?.publish({ type: 'session.reset', conversationId: contact.id });
    return c.json({ ended }, 200);
  },
);

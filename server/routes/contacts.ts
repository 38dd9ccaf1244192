import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { contactMessagesResponse, contactsResponse, operatorMessageRequest } from '../../shared/api/contacts.ts';
import type { OutboundMessage } from '../../runtime/messages.ts';
import type { AppEnv } from '../context.ts';
import { queueOutbound } from '../conversation/queue-outbound.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { contactRecords, findContact, latestMessages, resetContact, searchContacts } from '../db/queries/contacts.ts';
import { requireRole } from '../http/auth.ts';
import { AppError, notFound } from '../http/errors.ts';
import { eraseContact } from '../privacy/erase-contact.ts';
import { createRouter, json, jsonBody } from '../http/router.ts';
import { serviceWindow } from '../whatsapp/window.ts';
import { assertContactNotHeldByOther } from './handoff-access.ts';

/**
 * Contacts, their history, and the LGPD rights. Agents (and admins) use the directory; export and
 * erasure are for admins only. A conversation another agent holds stays theirs here too.
 */
export const contactRoutes = createRouter();
contactRoutes.use('*', requireRole('agent'));
const tags = ['contacts'];
const idParam = z.object({ id: z.string().min(1).max(100) });
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

async function requireContact(c: Context<AppEnv>, id: string) {
  const row = await findContact(c.var.deps.db, id);
  if (!row) throw notFound('Contato');
  await assertContactNotHeldByOther(c.var.deps.db, c.var.actor, row.id);
  return row;
}

contactRoutes.openapi(
  createRoute({
    method: 'get', path: '/', tags,
    request: { query: z.object({ q: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }) },
    responses: { 200: json(contactsResponse, 'Most recently active first') },
  }),
  async (c) => {
    const { q, limit } = c.req.valid('query');
    const rows = await searchContacts(c.var.deps.db, { q, limit });
    return c.json({
      contacts: rows.map((r) => ({
        id: r.id, channelId: r.channel_id, name: r.name, phone: r.wa_id, userId: r.user_id, lastInboundAt: iso(r.last_inbound_at),
        session: r.flow_id ? {
          flowId: r.flow_id, version: r.version ?? null, status: r.session_status ?? 'active',
          nodeId: ((r.state ?? {}) as { nodeId?: string | null }).nodeId ?? null,
        } : null,
      })),
    }, 200);
  },
);

contactRoutes.openapi(
  createRoute({
    method: 'get', path: '/{id}/messages', tags, request: { params: idParam },
    responses: { 200: json(contactMessagesResponse, 'The last 200 messages, oldest first') },
  }),
  async (c) => {
    const contact = await requireContact(c, c.req.valid('param').id);
    const rows = await latestMessages(c.var.deps.db, contact.id, 200);
    return c.json({
      messages: rows.reverse().map((m) => ({ id: m.id, direction: m.direction, type: m.type, text: m.text, status: m.status, error: m.error, createdAt: iso(m.created_at) ?? '' })),
    }, 200);
  },
);

contactRoutes.openapi(
  createRoute({
    method: 'post', path: '/{id}/messages', tags, request: { params: idParam, body: jsonBody(operatorMessageRequest) },
    responses: { 202: json(z.object({ messageIds: z.array(z.string()) }), 'Queued for sending') },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const contact = await requireContact(c, c.req.valid('param').id);
    const body = c.req.valid('json');
    const message: OutboundMessage = 'text' in body
      ? { kind: 'text', text: body.text }
      : { kind: 'template', name: body.template.name, language: body.template.language, parameters: body.template.parameters };
    const now = clock.now();
    if (message.kind !== 'template' && !serviceWindow(contact.last_inbound_at ? new Date(contact.last_inbound_at) : null, now).open) {
      throw new AppError(409, 'outside_window', 'Fora da janela de 24 horas: envie um modelo aprovado (template).');
    }
    const text = 'text' in body ? body.text : `[template ${body.template.name}]`;
    const ids = await db.transaction().execute(async (tx) => {
      const queued = await queueOutbound(tx, { contact, message, text, authorKind: 'operator', authorId: c.var.actor.userId, now });
      await recordAudit(tx, c.var.actor, 'contact.message', { type: 'contact', id: contact.id },
        { messageIds: queued, template: message.kind === 'template' ? message.name : null });
      return queued;
    });
    c.var.deps.messaging?.wakeSender();
    return c.json({ messageIds: ids }, 202);
  },
);

contactRoutes.openapi(
  createRoute({
    method: 'post', path: '/{id}/reset', tags, request: { params: idParam },
    responses: { 200: json(z.object({ ended: z.number().int() }), 'Live session ended; the next message starts the flow again') },
  }),
  async (c) => {
    const contact = await requireContact(c, c.req.valid('param').id);
    const { db, clock } = c.var.deps;
    const ended = await db.transaction().execute(async (tx) => {
      const count = await resetContact(tx, contact.id, clock.now());
      await recordAudit(tx, c.var.actor, 'contact.reset', { type: 'contact', id: contact.id });
      return count;
    });
    return c.json({ ended }, 200);
  },
);

contactRoutes.openapi(
  createRoute({
    method: 'get', path: '/{id}/export', tags, middleware: [requireRole('admin')], request: { params: idParam },
    responses: { 200: json(z.record(z.string(), z.unknown()), 'Everything kept about the contact (LGPD art. 18); admins only') },
  }),
  async (c) => {
    const contact = await requireContact(c, c.req.valid('param').id);
    const { messages, sessions, orders, handoffs } = await contactRecords(c.var.deps.db, contact.id);
    await recordAudit(c.var.deps.db, c.var.actor, 'contact.export', { type: 'contact', id: contact.id });
    c.header('Content-Disposition', `attachment; filename="contato-${contact.id}.json"`);
    const { lease_owner: _o, lease_until: _u, ...profile } = contact;
    return c.json({ contact: profile, messages, sessions, orders, handoffs }, 200);
  },
);

contactRoutes.openapi(
  createRoute({
    method: 'delete', path: '/{id}', tags, middleware: [requireRole('admin')], request: { params: idParam },
    responses: { 204: { description: 'Erased with messages, sessions and media, and from campaign audiences and audit details; orders are kept without the contact (accounting). On the embedded database the files are compacted so nothing remains on disk. Admins only' } },
  }),
  async (c) => {
    const contact = await requireContact(c, c.req.valid('param').id);
    await eraseContact(c.var.deps.db, { id: contact.id, channelId: contact.channel_id, waId: contact.wa_id, name: contact.name }, c.var.actor);
    return c.body(null, 204);
  },
);

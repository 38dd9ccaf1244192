import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { contactMessagesResponse, contactsResponse, operatorMessageRequest } from '../../shared/api/contacts.ts';
import { normalizePhone } from '../../shared/phone.ts';
import type { OutboundMessage } from '../../runtime/messages.ts';
import type { AppEnv } from '../context.ts';
import { queueOutbound } from '../conversation/queue-outbound.ts';
import { recordAudit } from '../db/queries/audit.ts';
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
  const row = await c.var.deps.db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
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
    let query = c.var.deps.db.selectFrom('contacts')
      .leftJoin('conversation_sessions as s', (j) => j.onRef('s.contact_id', '=', 'contacts.id').on('s.status', '<>', 'ended'))
      .leftJoin('flow_versions as v', 'v.id', 's.flow_version_id')
      .select(['contacts.id', 'contacts.channel_id', 'contacts.name', 'contacts.wa_id', 'contacts.user_id', 'contacts.last_inbound_at',
        's.flow_id', 's.status as session_status', 's.state', 'v.version'])
      .orderBy('contacts.last_inbound_at', (ob) => ob.desc().nullsLast()).limit(limit);
    if (q) {
      // A whole number typed as people type it ("(84) 9123-3333", without the 9th digit) finds
      // its contact however it differs from the stored digits; a fragment matches as a substring.
      const phone = normalizePhone(q);
      query = query.where((eb) => eb.or([
        eb('contacts.name', 'ilike', `%${q}%`), eb('contacts.wa_id', 'like', `%${q.replace(/\D/g, '') || q}%`),
        ...(phone ? [eb('contacts.wa_id', '=', phone)] : []),
      ]));
    }
    const rows = await query.execute();
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
    const rows = await c.var.deps.db.selectFrom('messages').select(['id', 'direction', 'type', 'text', 'status', 'error', 'created_at'])
      .where('contact_id', '=', contact.id)
      // A reply can share its message's millisecond: 'in' sorts before 'out' once reversed.
      .orderBy('created_at', 'desc').orderBy('direction', 'desc').limit(200).execute();
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
    const ids = await db.transaction().execute((tx) => queueOutbound(tx, {
      contact, message, text, authorKind: 'operator', authorId: c.var.actor.userId, now,
    }));
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
      const rows = await tx.updateTable('conversation_sessions').set({ status: 'ended', updated_at: clock.now() })
        .where('contact_id', '=', contact.id).where('status', '<>', 'ended').returning('id').execute();
      await tx.updateTable('handoffs').set({ status: 'resolved', resolved_at: clock.now() }).where('contact_id', '=', contact.id).where('status', '<>', 'resolved').execute();
      await tx.deleteFrom('scheduled_jobs').where('contact_id', '=', contact.id).where('status', '=', 'pending').execute();
      await recordAudit(tx, c.var.actor, 'contact.reset', { type: 'contact', id: contact.id });
      return rows.length;
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
    const { db } = c.var.deps;
    const [messages, sessions, orders, handoffs] = await Promise.all([
      db.selectFrom('messages').select(['id', 'direction', 'type', 'text', 'status', 'created_at']).where('contact_id', '=', contact.id).orderBy('created_at').orderBy('direction').execute(),
      db.selectFrom('conversation_sessions').select(['id', 'flow_id', 'status', 'state', 'created_at']).where('contact_id', '=', contact.id).execute(),
      db.selectFrom('orders').selectAll().where('contact_id', '=', contact.id).execute(),
      db.selectFrom('handoffs').select(['id', 'team', 'status', 'note', 'created_at']).where('contact_id', '=', contact.id).execute(),
    ]);
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

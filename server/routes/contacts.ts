import { createRoute, z } from '@hono/zod-openapi';
import { emitOptOut } from '../event-webhooks/opt-out-event.ts';
import type { Context } from 'hono';
import {
  contactMessagesResponse,
  contactResponse,
  contactsQuery,
  contactsResponse,
  contactTagsResponse,
  importContactsRequest,
  importContactsResponse,
  operatorMessageRequest,
  updateContactRequest,
  type ContactSummary,
} from '../../shared/api/contacts.ts';
import type { OutboundMessage } from '../../runtime/messages.ts';
import type { AppEnv } from '../context.ts';
import { queueOutbound } from '../conversation/queue-outbound.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { listChannels } from '../db/queries/channels.ts';
import { listContactFields } from '../db/queries/contact-fields.ts';
import {
  contactRecords,
  contactTags,
  countContacts,
  findContact,
  latestMessages,
  resetContact,
  searchContacts,
  updateContact,
  upsertImportedContacts,
  type DirectoryRow,
} from '../db/queries/contacts.ts';
import { requireRole } from '../http/auth.ts';
import { AppError, notFound } from '../http/errors.ts';
import { eraseContact } from '../privacy/erase-contact.ts';
import { createRouter, json, jsonBody, updateRoute } from '../http/router.ts';
import { readContactsCsv } from '../contacts/read-contacts-csv.ts';
import { contactsCsv } from '../contacts/write-contacts-csv.ts';
import { changeAudited } from './audited-change.ts';
import { serviceWindow } from '../../shared/whatsapp/service-window.ts';
import { assertContactNotHeldByOther } from './handoff-access.ts';

/**
 * Contacts, their history, and the LGPD rights. Agents (and admins) use the directory and edit
 * tags, fields and opt-out; bulk import and export, and the LGPD export and erasure, are for
 * admins only. A conversation another agent holds stays theirs here too.
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

function toSummary(r: DirectoryRow): ContactSummary {
  return {
    id: r.id,
    channelId: r.channel_id,
    name: r.name,
    phone: r.wa_id,
    userId: r.user_id,
    lastInboundAt: iso(r.last_inbound_at),
    lastActivityAt: iso(r.last_message_at ?? r.last_inbound_at),
    tags: r.tags,
    fields: r.fields ?? {},
    optedOutAt: iso(r.opted_out_at),
    session: r.flow_id
      ? {
          flowId: r.flow_id,
          flowName: r.flow_name ?? null,
          version: r.version ?? null,
          status: r.session_status ?? 'active',
          nodeId: ((r.state ?? {}) as { nodeId?: string | null }).nodeId ?? null,
        }
      : null,
  };
}

async function summaryOf(c: Context<AppEnv>, id: string): Promise<ContactSummary> {
  const [row] = await searchContacts(c.var.deps.db, { id, limit: 1 });
  if (!row) throw notFound('Contato');
  return toSummary(row);
}

contactRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags,
    request: { query: contactsQuery },
    responses: {
      200: json(contactsResponse, 'Most recently active first, a page at a time, with the number of matches'),
    },
  }),
  async (c) => {
    const { offset, limit, ...filter } = c.req.valid('query');
    const [rows, total] = await Promise.all([
      searchContacts(c.var.deps.db, { ...filter, offset, limit }),
      countContacts(c.var.deps.db, filter),
    ]);
    return c.json({ contacts: rows.map(toSummary), total }, 200);
  },
);

contactRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/tags',
    tags,
    responses: { 200: json(contactTagsResponse, 'Every tag in use with how many contacts carry it, most used first') },
  }),
  async (c) => c.json({ tags: await contactTags(c.var.deps.db) }, 200),
);

// Registered before `/{id}`, which would otherwise take "export.csv" for an id.
contactRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/export.csv',
    tags,
    middleware: [requireRole('admin')],
    request: { query: contactsQuery.omit({ offset: true, limit: true }) },
    responses: {
      200: {
        content: { 'text/csv': { schema: z.string() } },
        description: 'The filtered contacts as CSV (audited as an export); the import reads it back',
      },
    },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const filter = c.req.valid('query');
    const [rows, defined] = await Promise.all([
      searchContacts(db, { ...filter, limit: 100_000 }),
      listContactFields(db),
    ]);
    const names = [...new Set([...defined.map((f) => f.name), ...rows.flatMap((r) => Object.keys(r.fields ?? {}))])];
    await recordAudit(
      db,
      c.var.actor,
      'contacts.export',
      { type: 'contacts', id: null },
      { filter, contacts: rows.length },
    );
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="contatos.csv"');
    return c.body(contactsCsv(rows, names), 200);
  },
);

contactRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/import',
    tags,
    middleware: [requireRole('admin')],
    request: {
      query: z.object({ channelId: z.string().max(100).optional() }),
      // JSON with the file's text (what the studio sends: cookie writes must be JSON), or the
      // file itself as text/csv for scripts with a token (channel in the query).
      body: {
        content: { 'application/json': { schema: importContactsRequest }, 'text/csv': { schema: z.string() } },
        required: false,
      },
    },
    responses: {
      200: json(
        importContactsResponse,
        'Each line created, updated or rejected with the reason; importing again updates, never duplicates',
      ),
    },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const isCsv = (c.req.header('content-type') ?? '').toLowerCase().startsWith('text/csv');
    const sent = c.req.valid('json');
    const body =
      isCsv || typeof sent === 'string' ? { csv: await c.req.text(), channelId: c.req.valid('query').channelId } : sent;
    if (!body.csv) throw new AppError(400, 'invalid_csv', 'Envie o CSV (campo csv, ou o arquivo como text/csv).');
    const channelId = await importChannel(c, body.channelId);
    const { contacts, rejected } = readContactsCsv(body.csv);
    const stored = await db.transaction().execute(async (tx) => {
      const result = await upsertImportedContacts(tx, channelId, contacts, clock.now());
      const created = [...result.values()].filter((r) => r.created).length;
      await recordAudit(
        tx,
        c.var.actor,
        'contacts.import',
        { type: 'channel', id: channelId },
        {
          created,
          updated: result.size - created,
          rejected: rejected.length,
        },
      );
      return result;
    });
    const rows = [
      ...contacts.map((r) => {
        const s = stored.get(r.waId);
        return {
          line: r.line,
          phone: r.waId,
          name: r.name,
          outcome: s?.created ? ('created' as const) : ('updated' as const),
          reason: null,
          contactId: s?.id ?? null,
        };
      }),
      ...rejected.map((r) => ({ ...r, outcome: 'rejected' as const, contactId: null })),
    ].sort((a, b) => a.line - b.line);
    const count = (o: string) => rows.filter((r) => r.outcome === o).length;
    return c.json({ created: count('created'), updated: count('updated'), rejected: count('rejected'), rows }, 200);
  },
);

/** The channel the imported contacts write to: the one given, or the only one there is. */
async function importChannel(c: Context<AppEnv>, given: string | undefined): Promise<string> {
  const channels = await listChannels(c.var.deps.db);
  if (given) {
    if (!channels.some((ch) => ch.id === given)) throw new AppError(400, 'unknown_channel', 'Canal não encontrado.');
    return given;
  }
  const [only, ...others] = channels;
  if (!only) throw new AppError(400, 'no_channel', 'Conecte um número de WhatsApp antes de importar contatos.');
  if (others.length)
    throw new AppError(
      400,
      'channel_required',
      'Há mais de um canal: escolha em qual número os contatos serão importados.',
    );
  return only.id;
}

contactRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags,
    request: { params: idParam },
    responses: { 200: json(contactResponse, 'One contact as the directory lists it') },
  }),
  async (c) => {
    const contact = await requireContact(c, c.req.valid('param').id);
    return c.json({ contact: await summaryOf(c, contact.id) }, 200);
  },
);

updateRoute(
  contactRoutes,
  {
    path: '/{id}',
    tags,
    request: { params: idParam, body: jsonBody(updateContactRequest) },
    responses: { 200: json(contactResponse, 'Changed: only the fields sent (audited)') },
  },
  async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    await requireContact(c, id);
    const now = c.var.deps.clock.now();
    await changeAudited(c, {
      resource: 'Contato',
      action: 'contact.update',
      target: { type: 'contact', id },
      // Which fields changed, not their values: the audit log keeps no personal data of its own.
      details: { changed: Object.keys(body) },
      change: async (tx) => {
        const current = await findContact(tx, id);
        if (!current) return undefined;
        const optedOutAt =
          body.optedOut === undefined ? undefined : body.optedOut ? (current.opted_out_at ?? now) : null;
        if (optedOutAt && !current.opted_out_at) await emitOptOut(tx, id, 'operator', now);
        return updateContact(tx, id, { name: body.name, tags: body.tags, fields: body.fields, optedOutAt }, now);
      },
    });
    return c.json({ contact: await summaryOf(c, id) }, 200);
  },
);

contactRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/messages',
    tags,
    request: { params: idParam },
    responses: { 200: json(contactMessagesResponse, 'The last 200 messages, oldest first') },
  }),
  async (c) => {
    const contact = await requireContact(c, c.req.valid('param').id);
    const rows = await latestMessages(c.var.deps.db, contact.id, 200);
    return c.json(
      {
        messages: rows.reverse().map((m) => ({
          id: m.id,
          direction: m.direction,
          type: m.type,
          text: m.text,
          status: m.status,
          error: m.error,
          createdAt: iso(m.created_at) ?? '',
        })),
      },
      200,
    );
  },
);

contactRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/messages',
    tags,
    request: { params: idParam, body: jsonBody(operatorMessageRequest) },
    responses: { 202: json(z.object({ messageIds: z.array(z.string()) }), 'Queued for sending') },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const contact = await requireContact(c, c.req.valid('param').id);
    const body = c.req.valid('json');
    const message: OutboundMessage =
      'text' in body
        ? { kind: 'text', text: body.text }
        : {
            kind: 'template',
            name: body.template.name,
            language: body.template.language,
            parameters: body.template.parameters,
          };
    const now = clock.now();
    if (
      message.kind !== 'template' &&
      !serviceWindow(contact.last_inbound_at ? new Date(contact.last_inbound_at) : null, now).open
    ) {
      throw new AppError(409, 'outside_window', 'Fora da janela de 24 horas: envie um modelo aprovado (template).');
    }
    const ids = await db.transaction().execute(async (tx) => {
      const queued = await queueOutbound(tx, {
        contact,
        message,
        authorKind: 'operator',
        authorId: c.var.actor.userId,
        now,
      });
      await recordAudit(
        tx,
        c.var.actor,
        'contact.message',
        { type: 'contact', id: contact.id },
        { messageIds: queued, template: message.kind === 'template' ? message.name : null },
      );
      return queued;
    });
    c.var.deps.messaging?.wakeSender();
    c.var.deps.events?.publish({ type: 'message.queued', conversationId: contact.id });
    return c.json({ messageIds: ids }, 202);
  },
);

contactRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/reset',
    tags,
    request: { params: idParam },
    responses: {
      200: json(z.object({ ended: z.number().int() }), 'Live session ended; the next message starts the flow again'),
    },
  }),
  async (c) => {
    const contact = await requireContact(c, c.req.valid('param').id);
    const { db, clock } = c.var.deps;
    const ended = await db.transaction().execute(async (tx) => {
      const count = await resetContact(tx, contact.id, clock.now());
      await recordAudit(tx, c.var.actor, 'contact.reset', { type: 'contact', id: contact.id });
      return count;
    });
    c.var.deps.events?.publish({ type: 'session.reset', conversationId: contact.id });
    return c.json({ ended }, 200);
  },
);

contactRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/export',
    tags,
    middleware: [requireRole('admin')],
    request: { params: idParam },
    responses: {
      200: json(z.record(z.string(), z.unknown()), 'Everything kept about the contact (LGPD art. 18); admins only'),
    },
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
    method: 'delete',
    path: '/{id}',
    tags,
    middleware: [requireRole('admin')],
    request: { params: idParam },
    responses: {
      204: {
        description:
          'Erased with messages, sessions and media, and from campaign audiences and audit details; orders are kept without the contact (accounting). On the embedded database the files are compacted so nothing remains on disk. Admins only',
      },
    },
  }),
  async (c) => {
    const contact = await requireContact(c, c.req.valid('param').id);
    await eraseContact(
      c.var.deps.db,
      { id: contact.id, channelId: contact.channel_id, waId: contact.wa_id, name: contact.name },
      c.var.actor,
    );
    return c.body(null, 204);
  },
);

import { createRoute, z } from '@hono/zod-openapi';
import { agendaRules } from '../../shared/agenda/agenda.ts';
import { agendaResponse, agendasResponse, createAgendaRequest, updateAgendaRequest } from '../../shared/api/agendas.ts';
import { buildCalendar } from '../agenda/icalendar.ts';
import { recordAudit } from '../db/queries/audit.ts';
import {
  deleteAgenda,
  findAgenda,
  findAgendaByCalendarToken,
  insertAgenda,
  listAgendas,
  updateAgenda,
} from '../db/queries/agendas.ts';
import { listBookings } from '../db/queries/bookings.ts';
import { requireRole } from '../http/auth.ts';
import { AppError, notFound } from '../http/errors.ts';
import { createRouter, json, jsonBody, updateRoute } from '../http/router.ts';
import { agendaView } from './agenda-views.ts';

/** Agendas (bookable resources): whoever builds flows sets them up. */
export const agendaRoutes = createRouter();
agendaRoutes.use('*', requireRole('editor'));
const tags = ['agenda'];
const idParam = z.object({ id: z.string().min(1).max(100) });

agendaRoutes.openapi(
  createRoute({ method: 'get', path: '/', tags, responses: { 200: json(agendasResponse, 'Every agenda, by name') } }),
  async (c) => c.json({ agendas: (await listAgendas(c.var.deps.db)).map(agendaView) }, 200),
);

agendaRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags,
    request: { body: jsonBody(createAgendaRequest) },
    responses: { 201: json(agendaResponse, 'Created; audited') },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const created = await db.transaction().execute(async (tx) => {
      const a = await insertAgenda(tx, c.req.valid('json'));
      await recordAudit(tx, c.var.actor, 'agenda.create', { type: 'agenda', id: a.id }, { name: a.rules.name });
      return a;
    });
    return c.json({ agenda: agendaView(created) }, 201);
  },
);

agendaRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags,
    request: { params: idParam },
    responses: { 200: json(agendaResponse, 'One agenda') },
  }),
  async (c) => {
    const a = await findAgenda(c.var.deps.db, c.req.valid('param').id);
    if (!a) throw notFound('Agenda');
    return c.json({ agenda: agendaView(a) }, 200);
  },
);

updateRoute(
  agendaRoutes,
  {
    path: '/{id}',
    tags,
    request: { params: idParam, body: jsonBody(updateAgendaRequest) },
    responses: { 200: json(agendaResponse, 'Updated: only the fields sent change; existing bookings stay; audited') },
  },
  async (c) => {
    const { db, clock } = c.var.deps;
    const { id } = c.req.valid('param');
    const changes = Object.fromEntries(Object.entries(c.req.valid('json')).filter(([, v]) => v !== undefined));
    const updated = await db.transaction().execute(async (tx) => {
      const current = await findAgenda(tx, id);
      if (!current) throw notFound('Agenda');
      const merged = agendaRules.safeParse({ ...current.rules, ...changes });
      if (!merged.success)
        throw new AppError(400, 'invalid_agenda', merged.error.issues[0]?.message ?? 'Agenda inválida.');
      const a = await updateAgenda(tx, id, merged.data, clock.now());
      await recordAudit(tx, c.var.actor, 'agenda.update', { type: 'agenda', id }, { fields: Object.keys(changes) });
      return a;
    });
    if (!updated) throw notFound('Agenda');
    return c.json({ agenda: agendaView(updated) }, 200);
  },
);

agendaRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/{id}',
    tags,
    request: { params: idParam },
    responses: { 204: { description: 'Deleted with its bookings; audited' } },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const { id } = c.req.valid('param');
    await db.transaction().execute(async (tx) => {
      if (!(await deleteAgenda(tx, id))) throw notFound('Agenda');
      await recordAudit(tx, c.var.actor, 'agenda.delete', { type: 'agenda', id });
    });
    return c.body(null, 204);
  },
);

/**
 * The iCalendar feed: calendar apps fetch it by URL and cannot send a bearer token, so the
 * agenda's secret token in the query authenticates it (mounted before the session guard).
 */
export const agendaCalendarRoutes = createRouter();
const DAY_MS = 86_400_000;

agendaCalendarRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/calendar.ics',
    tags,
    security: [],
    request: { params: idParam, query: z.object({ token: z.string().min(1).max(200) }) },
    responses: {
      200: {
        content: { 'text/calendar': { schema: z.string() } },
        description: 'Bookings from 30 days ago on (RFC 5545)',
      },
      404: json(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'Unknown agenda or token'),
    },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const { id } = c.req.valid('param');
    const a = await findAgendaByCalendarToken(db, c.req.valid('query').token);
    if (!a || a.id !== id) throw notFound('Agenda');
    const now = clock.now();
    const rows = await listBookings(db, {
      agendaId: id,
      from: new Date(now.getTime() - 30 * DAY_MS),
      to: new Date(now.getTime() + 400 * DAY_MS),
      includeCancelled: true,
    });
    const events = rows.map((b) => ({
      uid: `${b.id}@fluxo`,
      start: new Date(b.starts_at),
      end: new Date(b.ends_at),
      summary: `${a.rules.name}: ${b.contact_name || b.contact_phone}`,
      description: `Contato: ${b.contact_name} (+${b.contact_phone})`,
      cancelled: b.status === 'cancelled',
    }));
    return c.body(buildCalendar(a.rules.name, events, now), 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'cache-control': 'private, max-age=300',
    });
  },
);

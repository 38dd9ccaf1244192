import { createRoute, z } from '@hono/zod-openapi';
import { bookingResponse, bookingsFilter, bookingsResponse } from '../../shared/api/agendas.ts';
import { listAgendas } from '../db/queries/agendas.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { cancelBooking, findBooking, listBookings } from '../db/queries/bookings.ts';
import { requireRole } from '../http/auth.ts';
import { AppError, notFound } from '../http/errors.ts';
import { createRouter, json } from '../http/router.ts';
import { loadSettings } from '../settings/load-settings.ts';
import { bookingView } from './agenda-views.ts';

/** Bookings: everyone who serves customers follows them and may cancel one. */
export const bookingRoutes = createRouter();
bookingRoutes.use('*', requireRole('editor', 'agent'));
const tags = ['agenda'];
const idParam = z.object({ id: z.string().min(1).max(100) });
const maxSpanMs = 62 * 86_400_000;

bookingRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags,
    request: { query: bookingsFilter },
    responses: {
      200: json(bookingsResponse, 'Bookings starting in [from, to), earliest first (a period of up to 62 days)'),
    },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const f = c.req.valid('query');
    const from = new Date(f.from);
    const to = new Date(f.to);
    if (!(to > from) || to.getTime() - from.getTime() > maxSpanMs)
      throw new AppError(400, 'invalid_period', 'O período vai de `from` a `to`, com até 62 dias.');
    const names = new Map((await listAgendas(db)).map((a) => [a.id, a.rules.name]));
    const rows = await listBookings(db, { agendaId: f.agendaId, from, to, includeCancelled: f.includeCancelled });
    const { timeZone } = await loadSettings(db);
    return c.json({ bookings: rows.map((b) => bookingView(b, names.get(b.agenda_id) ?? '')), timeZone }, 200);
  },
);

bookingRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/cancel',
    tags,
    request: { params: idParam },
    responses: {
      200: json(bookingResponse, 'Cancelled: the seat is free again; audited'),
      409: json(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'Already cancelled'),
    },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const { id } = c.req.valid('param');
    const row = await db.transaction().execute(async (tx) => {
      const current = await findBooking(tx, id);
      if (!current) throw notFound('Agendamento');
      const cancelled = await cancelBooking(tx, id, clock.now());
      if (!cancelled) throw new AppError(409, 'already_cancelled', 'Este agendamento já foi cancelado.');
      await recordAudit(tx, c.var.actor, 'booking.cancel', { type: 'booking', id }, { agendaId: current.agenda_id });
      return cancelled;
    });
    const names = new Map((await listAgendas(db)).map((a) => [a.id, a.rules.name]));
    return c.json({ booking: bookingView(row, names.get(row.agenda_id) ?? '') }, 200);
  },
);

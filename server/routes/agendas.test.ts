import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agenda, Booking } from '../../shared/api/agendas.ts';
import { instantOf } from '../../shared/agenda/zoned-time.ts';
import { createAgendaPort } from '../conversation/agenda-port.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

// Monday 23/11/2026, 09:00 in São Paulo.
const now = new Date('2026-11-23T12:00:00Z');
const zone = 'America/Sao_Paulo';
const weekday = ['09:00', '10:30', '14:00', '16:30', '18:00'];

describe('agendas and bookings API', () => {
  let t: TestApp;
  let agenda: Agenda;
  const admin = () => t.as('admin');
  beforeAll(async () => {
    t = await createTestApp({ clock: { now: () => now } });
  });
  afterAll(() => t.close());

  it('creates an agenda with defaults and audits it', async () => {
    const res = await admin().json<{ agenda: Agenda }>('POST', '/api/agendas', {
      name: 'Visitas',
      kind: 'property',
      hours: { mon: weekday, tue: weekday, sat: ['09:00', '10:30', '14:00'] },
      capacity: 1,
    });
    expect(res.status).toBe(201);
    agenda = res.body.agenda;
    expect(agenda).toMatchObject({ name: 'Visitas', slotMinutes: 60, horizonDays: 30, minNoticeMinutes: 120 });
    expect(agenda.calendarPath).toMatch(/^\/api\/agendas\/.+\/calendar\.ics\?token=.{20,}$/);
    const audit = await t.testDb.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', agenda.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['agenda.create']);
  });

  it('refuses bad hours with a 400 and changes nothing', async () => {
    const bad = await admin().json<{ error: { code: string } }>('POST', '/api/agendas', {
      name: 'Sala',
      hours: { mon: ['25:00'] },
    });
    expect(bad.status).toBe(400);
    const patch = await admin().json('PATCH', `/api/agendas/${agenda.id}`, { hours: { mon: ['18:00-09:00'] } });
    expect(patch.status).toBe(400);
    const list = await admin().json<{ agendas: Agenda[] }>('GET', '/api/agendas');
    expect(list.body.agendas.map((a) => a.name)).toEqual(['Visitas']);
    expect(list.body.agendas[0]?.hours.mon).toEqual(weekday);
  });

  it('changes only the fields sent', async () => {
    const res = await admin().json<{ agenda: Agenda }>('PATCH', `/api/agendas/${agenda.id}`, {
      closedDates: ['2026-11-24'],
    });
    expect(res.status).toBe(200);
    expect(res.body.agenda).toMatchObject({ name: 'Visitas', closedDates: ['2026-11-24'], hours: { mon: weekday } });
  });

  it('books through the port once per seat, lists, feeds the calendar and cancels', async () => {
    const port = createAgendaPort(t.testDb.db, { now: () => now, timeZone: zone });
    const startsAt = instantOf('2026-11-28', '10:30', zone).toISOString();
    const ana = { name: 'Ana; Souza', phone: '5584991230001' };
    const first = await port.book({ agendaId: agenda.id, startsAt, contact: ana });
    expect(first).not.toBeNull();
    // The same contact again (a retried step) gets the same booking; another contact gets nothing.
    expect(await port.book({ agendaId: agenda.id, startsAt, contact: ana })).toEqual(first);
    expect(
      await port.book({ agendaId: agenda.id, startsAt, contact: { name: 'Bia', phone: '5584991230002' } }),
    ).toBeNull();
    // Closed day, past slot and an instant that is no slot are refused.
    const refused = [
      instantOf('2026-11-24', '09:00', zone),
      instantOf('2026-11-23', '09:00', zone),
      instantOf('2026-11-28', '10:00', zone),
    ];
    for (const at of refused)
      expect(await port.book({ agendaId: agenda.id, startsAt: at.toISOString(), contact: ana })).toBeNull();

    const list = await admin().json<{ bookings: Booking[]; timeZone: string }>(
      'GET',
      `/api/bookings?from=2026-11-23T00:00:00-03:00&to=2026-11-30T00:00:00-03:00`,
    );
    expect(list.body.bookings).toMatchObject([
      { startsAt, contactName: 'Ana; Souza', agendaName: 'Visitas', status: 'booked' },
    ]);
    // The studio shows the times in the business zone from the settings, not the browser's.
    expect(list.body.timeZone).toBe('America/Sao_Paulo');
    expect(list.body.bookings[0]?.remindAt).toBe(new Date(Date.parse(startsAt) - 86_400_000).toISOString());

    const feed = await t.anonymous.request('GET', agenda.calendarPath);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const ics = await feed.text();
    expect(ics).toContain('DTSTART:20261128T133000Z\r\n');
    expect(ics).toContain('SUMMARY:Visitas: Ana\\; Souza\r\n');
    const wrong = await t.anonymous.request('GET', `/api/agendas/${agenda.id}/calendar.ics?token=nope`);
    expect(wrong.status).toBe(404);

    const id = list.body.bookings[0]?.id ?? '';
    const cancelled = await t.as('agent').json<{ booking: Booking }>('POST', `/api/bookings/${id}/cancel`);
    expect(cancelled.body.booking.status).toBe('cancelled');
    expect((await t.as('agent').json('POST', `/api/bookings/${id}/cancel`)).status).toBe(409);
    // The seat is free again.
    expect(
      await port.book({ agendaId: agenda.id, startsAt, contact: { name: 'Bia', phone: '5584991230002' } }),
    ).not.toBeNull();
  });

  it('refuses a period that is reversed or too long', async () => {
    const res = await admin().json('GET', '/api/bookings?from=2026-11-30T00:00:00Z&to=2026-11-23T00:00:00Z');
    expect(res.status).toBe(400);
  });
});

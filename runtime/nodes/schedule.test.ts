import { describe, expect, it } from 'vitest';
import type { FakeBooking } from '../testing/fake-agenda.ts';
import { buildFlow } from '../testing/build-flow.ts';
import { TestClock } from '../testing/ports.ts';
import { driver, sent, texts } from '../testing/session-test-kit.ts';
import type { OutboundMessage } from '../messages.ts';

const weekday = ['09:00', '10:30', '14:00', '16:30', '18:00'];
const agendas = {
  visitas: {
    name: 'Visitas',
    hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: ['09:00', '10:30', '14:00'] },
    closedDates: ['2026-11-25'],
    horizonDays: 30,
  },
};
const flow = buildFlow(
  [
    { id: 'ag', type: 'schedule', data: { agendaId: 'visitas', timeoutMinutes: 60, confirmText: 'Agendado.' } },
    { id: 'ok', type: 'message', data: { text: 'OK {{agendamento.data}} {{agendamento.hora}}' } },
    { id: 'cx', type: 'message', data: { text: 'cancelado' } },
    { id: 'no', type: 'message', data: { text: 'sem horário' } },
  ],
  [
    ['ag', 'booked', 'ok'],
    ['ag', 'cancelled', 'cx'],
    ['ag', 'none', 'no'],
  ],
);
// Monday 23/11/2026, 09:00 in São Paulo.
const monday = () => new TestClock('2026-11-23T12:00:00Z');
const rowsOf = (m: OutboundMessage | undefined) =>
  m?.kind === 'list'
    ? m.sections.flatMap((s) => s.rows.map((r) => r.title))
    : m?.kind === 'buttons'
      ? m.buttons.map((b) => b.title)
      : [];
const rowId = (m: OutboundMessage | undefined, title: string) =>
  (m?.kind === 'list' ? m.sections.flatMap((s) => s.rows) : m?.kind === 'buttons' ? m.buttons : []).find(
    (r) => r.title === title,
  )?.id ?? '';

describe('schedule', () => {
  it('lists the next open days (no Sunday, no blackout), then the free slots of the day picked', async () => {
    const d = driver(flow, { agendas, clock: monday() });
    const [days] = sent(await d.send('oi'));
    expect(rowsOf(days)).toEqual([
      'seg 23/11',
      'ter 24/11',
      'qui 26/11',
      'sex 27/11',
      'sáb 28/11',
      'seg 30/11',
      'ter 01/12',
    ]);
    const [slots] = sent(await d.content({ kind: 'reply', id: rowId(days, 'seg 23/11'), title: 'seg 23/11' }));
    // 09:00 and 10:30 are within the 2-hour notice.
    expect(rowsOf(slots)).toEqual(['14h', '16h30', '18h', 'Outro dia']);
    expect(texts(await d.send('16:30'))).toEqual(['Agendado.', 'OK 23/11/2026 16h30']);
  });

  it('understands typed days ("sexta", "amanhã", "28/11") and refuses closed or past ones', async () => {
    const d = driver(flow, { agendas, clock: monday() });
    await d.send('oi');
    expect(rowsOf(sent(await d.send('sexta'))[0])).toEqual(['09h', '10h30', '14h', '16h30', '18h', 'Outro dia']);
    const back = await d.send('Outro dia');
    expect(rowsOf(sent(back)[0])).toContain('sex 27/11');
    const closed = texts(await d.send('25/11'));
    expect(closed[0]).toContain('Não há horários livres');
    expect(rowsOf(sent(await d.send('28/11'))[0])).toEqual(['09h', '10h30', '14h', 'Outro dia']);
  });

  it('never books a slot twice: the second contact is told it is gone and offered the others', async () => {
    const bookings: FakeBooking[] = [];
    const clock = monday();
    const ana = driver(flow, { agendas, clock, bookings });
    await ana.send('oi');
    await ana.send('amanhã');
    const bia = driver(flow, { agendas, clock, bookings });
    await bia.send('oi');
    await bia.send('amanhã');
    expect(texts(await ana.send('10h30'))).toEqual(['Agendado.', 'OK 24/11/2026 10h30']);
    // Bia's list still shows 10h30; she taps it after Ana took it.
    const taken = await bia.content({ kind: 'reply', id: 'ag:2026-11-24T13:30:00.000Z', title: '10h30' });
    expect(texts(taken)[0]).toContain('não está disponível');
    expect(rowsOf(sent(taken)[1])).toEqual(['09h', '14h', '16h30', '18h', 'Outro dia']);
    expect(bookings.filter((b) => !b.cancelled)).toHaveLength(1);
  });

  it('lets a contact holding a booking keep, reschedule or cancel it', async () => {
    const bookings: FakeBooking[] = [];
    const clock = monday();
    const d = driver(flow, { agendas, clock, bookings });
    await d.send('oi');
    await d.send('amanhã');
    await d.send('14h');
    const [manage] = sent(await d.send('oi'));
    expect(rowsOf(manage)).toEqual(['Manter', 'Remarcar', 'Cancelar']);
    await d.send('Remarcar');
    await d.send('26/11');
    expect(texts(await d.send('9h'))).toEqual(['Agendado.', 'OK 26/11/2026 09h']);
    expect(bookings.filter((b) => !b.cancelled).map((b) => b.startsAt)).toEqual(['2026-11-26T12:00:00.000Z']);
    await d.send('oi');
    expect(texts(await d.send('Cancelar'))).toEqual(['Seu horário foi cancelado. ✅', 'cancelado']);
    expect(bookings.filter((b) => !b.cancelled)).toEqual([]);
  });

  it('leaves by none when the agenda is unknown or has nothing free, and by timeout when nobody answers', async () => {
    const missing = buildFlow(
      [
        { id: 'ag', type: 'schedule', data: { agendaId: 'nada' } },
        { id: 'no', type: 'message', data: { text: 'sem horário' } },
      ],
      [['ag', 'none', 'no']],
    );
    expect(texts(await driver(missing, { agendas, clock: monday() }).send('oi')).at(-1)).toBe('sem horário');
    const d = driver(flow, { agendas, clock: monday() });
    await d.send('oi');
    const timer = d.session?.awaiting?.timerKey ?? '';
    await d.event({ type: 'timer', key: timer });
    expect(d.session?.status).toBe('ended');
  });
});

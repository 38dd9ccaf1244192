import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaRules } from '../../shared/agenda/agenda.ts';
import { instantOf } from '../../shared/agenda/zoned-time.ts';
import { insertAgenda } from '../db/queries/agendas.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { createAgendaPort } from './agenda-port.ts';
import { simulatedAgenda } from './simulator-agenda.ts';

const now = new Date('2026-11-23T12:00:00Z');
const zone = 'America/Sao_Paulo';

describe('the simulator agenda', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers like the real one but never takes a seat', async () => {
    const { db } = t.testDb;
    const agenda = await insertAgenda(db, agendaRules.parse({ name: 'Sala', hours: { tue: ['10:00'] } }));
    const real = createAgendaPort(db, { now: () => now, timeZone: zone });
    const sim = simulatedAgenda(real);
    const startsAt = instantOf('2026-11-24', '10:00', zone).toISOString();
    const contact = { name: 'Teste', phone: '5500000000000' };
    const booking = await sim.book({ agendaId: agenda.id, startsAt, contact });
    expect(booking).not.toBeNull();
    expect(await sim.upcoming(agenda.id, contact.phone)).toEqual(booking);
    expect(await db.selectFrom('bookings').selectAll().execute()).toEqual([]);
    // Once a real contact holds the only seat, the simulator is told it is gone too.
    await real.book({ agendaId: agenda.id, startsAt, contact: { name: 'Ana', phone: '5584991230001' } });
    expect(await sim.book({ agendaId: agenda.id, startsAt, contact })).toBeNull();
  });
});

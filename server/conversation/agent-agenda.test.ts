import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFlow } from '../../runtime/testing/build-flow.ts';
import { driver, texts } from '../../runtime/testing/session-test-kit.ts';
import { agendaRules } from '../../shared/agenda/agenda.ts';
import { instantOf } from '../../shared/agenda/zoned-time.ts';
import { insertAgenda } from '../db/queries/agendas.ts';
import { startFakeAgentLlmApi, type FakeAgentLlm } from '../testing/fake-agent-llm-api.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { createAgendaPort } from './agenda-port.ts';
import { openAiCompatibleModel } from './llm-model.ts';

// Monday 2026-11-23, 09:00 in São Paulo (the test kit's clock).
const zone = 'America/Sao_Paulo';
const tuesday10 = instantOf('2026-11-24', '10:00', zone).toISOString();

const flow = (agendaId: string) =>
  buildFlow(
    [
      {
        id: 'ai',
        type: 'agent',
        data: { instructions: 'Marque consultas.', tools: ['list_slots', 'book_slot'], agendaId },
      },
      { id: 'err', type: 'message', data: { text: 'erro {{ai_error}}' } },
    ],
    [['ai', 'error', 'err']],
  );

describe('the agent books in a stored agenda, through an OpenAI-compatible model', () => {
  let t: TestApp;
  const fakes: FakeAgentLlm[] = [];
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await Promise.all(fakes.map((f) => f.close()));
    await t.close();
  });

  const run = async (agendaId: string, script: Parameters<typeof startFakeAgentLlmApi>[0]) => {
    const fake = await startFakeAgentLlmApi(script);
    fakes.push(fake);
    const d = driver(flow(agendaId));
    d.ports.agenda = createAgendaPort(t.testDb.db, { now: () => d.clock.now(), timeZone: zone });
    d.ports.llm = openAiCompatibleModel({ baseUrl: fake.url, apiKey: 'sk-test', model: 'fake-agent' });
    const effects = await d.send('terça 10h');
    const results = (n: number) =>
      (fake.requests[n]?.messages ?? []).filter((m) => m.role === 'tool').map((m) => JSON.stringify(m.content));
    return { effects, results, d };
  };

  it('lists the free times and books one: a row in bookings, the booking in the flow', async () => {
    const { db } = t.testDb;
    const agenda = await insertAgenda(db, agendaRules.parse({ name: 'Consultório', hours: { tue: ['10:00'] } }));
    const { effects, results, d } = await run(agenda.id, [
      { toolCalls: [{ name: 'list_slots', arguments: {} }] },
      { toolCalls: [{ name: 'book_slot', arguments: { startsAt: tuesday10 } }] },
      { text: 'Marcado para terça às 10h.' },
    ]);
    expect(texts(effects)).toEqual(['Marcado para terça às 10h.']);
    const [listed, booked] = results(2);
    expect(listed).toContain(tuesday10);
    expect(booked).toContain('booked');
    expect(booked).toContain('true');
    const rows = await db.selectFrom('bookings').select(['agenda_id', 'starts_at', 'contact_phone']).execute();
    expect(rows.map((r) => [r.agenda_id, new Date(r.starts_at).toISOString(), r.contact_phone])).toEqual([
      [agenda.id, tuesday10, '5584991230001'],
    ]);
    expect(d.session?.variables.agendamento).toMatchObject({ hora: '10h', data: '24/11/2026' });
  });

  it('a seat another contact holds is reported to the model as taken, and no second booking is made', async () => {
    const { db } = t.testDb;
    const agenda = await insertAgenda(db, agendaRules.parse({ name: 'Sala 2', hours: { tue: ['10:00'] } }));
    const port = createAgendaPort(db, { now: () => new Date('2026-11-23T12:00:00Z'), timeZone: zone });
    const other = { name: 'Bia', phone: '5584990000009' };
    expect(await port.book({ agendaId: agenda.id, startsAt: tuesday10, contact: other })).not.toBeNull();
    const { effects, results } = await run(agenda.id, [
      { toolCalls: [{ name: 'book_slot', arguments: { startsAt: tuesday10 } }] },
      { text: 'Esse horário acabou de ser ocupado.' },
    ]);
    expect(texts(effects)).toEqual(['Esse horário acabou de ser ocupado.']);
    expect(results(1)[0]).toContain('taken');
    const rows = await db.selectFrom('bookings').select('contact_phone').where('agenda_id', '=', agenda.id).execute();
    expect(rows.map((r) => r.contact_phone)).toEqual([other.phone]);
  });
});

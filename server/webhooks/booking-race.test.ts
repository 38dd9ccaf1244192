import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeGraph } from '../testing/fake-graph-api.ts';
import type { ServerProcess } from '../testing/server-process.ts';
import { startServerInstances, type ServerInstances } from '../testing/server-instances.ts';
import { agendaRules } from '../../shared/agenda/agenda.ts';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { insertAgenda } from '../db/queries/agendas.ts';
import { createWebhookClient } from '../testing/webhook-client.ts';
import { messageWebhook, metaJson } from '../testing/webhook-payloads.ts';

const channel = { phoneNumberId: '106000000000227', displayPhone: '15550100227', wabaId: '0' };
const appSecret = 'booking-race-app-secret';
const accessToken = 'EAAG-booking-race-token';
const agendaId = 'corrida';

/** One slot a day at 10:00, one seat: every contact below wants tomorrow's. */
const flow: FlowDocumentInput = {
  name: 'Corrida por um horário',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    {
      id: 'ag',
      type: 'schedule',
      position: { x: 0, y: 200 },
      data: { agendaId, confirmText: 'RESERVADO {{agendamento.hora}}', takenText: 'OCUPADO' },
    },
    { id: 'end', type: 'end', position: { x: 0, y: 400 }, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'ag' },
    ...['booked', 'cancelled', 'none'].map((h) => ({ id: `e-${h}`, source: 'ag', sourceHandle: h, target: 'end' })),
  ],
};

const textOf = (body: unknown): string => {
  const b = body as { text?: { body?: string }; interactive?: { body?: { text?: string } } };
  return b.text?.body ?? b.interactive?.body?.text ?? '';
};

/**
 * Issue 22's quality bar: 50 contacts on two server processes (one Postgres, one Redis) ask for
 * the same last slot at once, and exactly one gets it. Runs only with DATABASE_URL and REDIS_URL.
 */
describe('fifty contacts racing for one slot on two instances', () => {
  let instances: ServerInstances;
  let fake: FakeGraph;
  let servers: ServerProcess[];

  beforeAll(async () => {
    const day = ['10:00'];
    instances = await startServerInstances({
      name: 'booking-race',
      flow,
      channel,
      appSecret,
      accessToken,
      seed: (db) =>
        insertAgenda(
          db,
          agendaRules.parse({
            name: 'Corrida',
            hours: { sun: day, mon: day, tue: day, wed: day, thu: day, fri: day, sat: day },
            minNoticeMinutes: 0,
            horizonDays: 3,
          }),
          agendaId,
        ).then(() => undefined),
    });
    ({ fake, servers } = instances);
  }, 120_000);
  afterAll(() => instances?.stop());

  it('books the slot for exactly one contact and tells the others it is taken', async () => {
    const contacts = 50;
    const start = new Date();
    const clients = servers.map((s) => createWebhookClient(s.url, { maxSockets: 16 }));
    // Each contact says hi, asks for tomorrow and types 10h, one second apart (Meta's timestamp
    // resolution), alternating instances; the 10h of all fifty are then processed at once.
    await Promise.all(
      Array.from({ length: contacts }, async (_, c) => {
        const texts = ['oi', 'amanhã', '10h'];
        for (const [i, text] of texts.entries()) {
          const body = metaJson(
            messageWebhook({
              ...channel,
              wamid: `wamid.race.${c}.${i}`,
              from: String(5584990100000 + c),
              name: `Contato ${c}`,
              timestamp: new Date(start.getTime() + i * 1000),
              text,
            }),
          );
          const r = await clients[(c + i) % 2]!.post(body, appSecret);
          expect(r.status).toBe(200);
        }
      }),
    );
    clients.forEach((client) => client.close());

    // Per contact: the days and tomorrow's slot; then the winner's confirmation, or "taken" with
    // what is left for each of the others.
    const sent = await fake.waitForSent(contacts * 2 + 1 + (contacts - 1) * 2, 90_000);
    const texts = sent.map((s) => textOf(s.body));
    expect(texts.filter((t) => t.startsWith('RESERVADO'))).toEqual(['RESERVADO 10h']);
    // Each other contact learns once that it is gone: as "taken" when they typed 10h, or as "no
    // free slot that day" when tomorrow was already full as they asked for it.
    const told = texts.filter((t) => t === 'OCUPADO' || t.startsWith('Não há horários livres'));
    expect(told).toHaveLength(contacts - 1);

    const db = await instances.db();
    const rows = await db.selectFrom('bookings').selectAll().where('status', '=', 'booked').execute();
    expect(rows).toHaveLength(1);
  }, 180_000);
});

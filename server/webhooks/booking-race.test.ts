import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaRules } from '../../shared/agenda/agenda.ts';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { openDatabase } from '../db/connect.ts';
import { insertAgenda } from '../db/queries/agendas.ts';
import { startFakeGraphApi, type FakeGraph } from '../testing/fake-graph-api.ts';
import { seedServer } from '../testing/seed-server.ts';
import { startServerProcess, type ServerProcess } from '../testing/server-process.ts';
import { createTestDatabaseUrl } from '../testing/test-db.ts';
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
  let fake: FakeGraph;
  let dataDir: string;
  let database: Awaited<ReturnType<typeof createTestDatabaseUrl>>;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'fluxo-booking-race-'));
    database = await createTestDatabaseUrl();
    fake = await startFakeGraphApi({ expectedToken: accessToken });
    const secretKey = 'booking-race-secret-key-booking-race-xx';
    await seedServer({
      databaseUrl: database?.url,
      dataDir,
      secretKey,
      flow,
      channels: [{ phoneNumberId: channel.phoneNumberId, appSecret, accessToken }],
    });
    const seeded = await openDatabase({ databaseUrl: database?.url, dataDir, poolSize: 1 });
    const day = ['10:00'];
    await insertAgenda(
      seeded.db,
      agendaRules.parse({
        name: 'Corrida',
        hours: { sun: day, mon: day, tue: day, wed: day, thu: day, fri: day, sat: day },
        minNoticeMinutes: 0,
        horizonDays: 3,
      }),
      agendaId,
    );
    await seeded.close();
    const env = {
      DATA_DIR: dataDir,
      SECRET_KEY: secretKey,
      WHATSAPP_GRAPH_URL: fake.url,
      FLUXO_LOG: 'warn',
      DATABASE_URL: database?.url ?? '',
      REDIS_URL: process.env.REDIS_URL ?? '',
    };
    servers.push(...(await Promise.all([startServerProcess(env), startServerProcess(env)])));
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await fake.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

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

    const db = await openDatabase({ databaseUrl: database?.url, dataDir, poolSize: 1 });
    try {
      const rows = await db.db.selectFrom('bookings').selectAll().where('status', '=', 'booked').execute();
      expect(rows).toHaveLength(1);
    } finally {
      await db.close();
    }
  }, 180_000);
});

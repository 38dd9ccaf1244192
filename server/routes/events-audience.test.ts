import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEventBus, type EventBus } from '../events/event-bus.ts';
import { createApiToken } from '../db/queries/tokens.ts';
import { createUser } from '../db/queries/users.ts';
import type { Role } from '../db/tables.ts';
import { seedChannel, seedHandoff } from '../testing/seed-inbox.ts';
import { listen, serveOnFreePort } from '../testing/sse-client.ts';
import { caller, createTestApp, type Caller, type TestApp } from '../testing/test-app.ts';
import { until } from '../testing/until.ts';

interface Listener {
  id: string;
  as: Caller;
  stream: Awaited<ReturnType<typeof listen>>;
}

describe('GET /api/events for agents: only conversations they may open', () => {
  let t: TestApp;
  let bus: EventBus;
  let http: { url: string; server: Server };
  let ana: Listener;
  let bruno: Listener;
  let chefe: Listener;
  let channelId: string;

  async function person(role: Role, email: string): Promise<Listener> {
    const user = await createUser(t.testDb.db, { email, name: email, password: 'cavalo-bateria-grampo', role });
    const { secret } = await createApiToken(t.testDb.db, { name: email, role, createdBy: user.id });
    return {
      id: user.id,
      as: caller(t.app, { authorization: `Bearer ${secret}` }),
      stream: await listen(http.url, secret),
    };
  }

  /**
   * Events reach a stream in the order published: once a later event everyone hears arrived,
   * an earlier one missing from a stream was not sent to it.
   */
  async function settle(marker: string) {
    bus.publish({ type: 'session.reset', conversationId: marker });
    for (const p of [ana, bruno, chefe])
      await until(`${p.id} heard ${marker}`, () => p.stream.events.some((e) => e.conversationId === marker), 5000);
  }
  const heard = (p: Listener, handoffOrContact: string) =>
    p.stream.events
      .filter((e) => e.handoffId === handoffOrContact || e.conversationId === handoffOrContact)
      .map((e) => e.type);

  beforeAll(async () => {
    bus = createLocalEventBus();
    t = await createTestApp({ events: bus });
    http = await serveOnFreePort(t.app);
    channelId = (await seedChannel(t.testDb.db, t.deps.secrets)).id;
    ana = await person('agent', 'ana@fluxo.test');
    bruno = await person('agent', 'bruno@fluxo.test');
    chefe = await person('supervisor', 'chefe@fluxo.test');
    const admin = t.as('admin');
    expect((await admin.json('POST', '/api/teams', { name: 'Vendas', memberIds: [ana.id] })).status).toBe(201);
    expect((await admin.json('POST', '/api/teams', { name: 'Suporte', memberIds: [bruno.id] })).status).toBe(201);
  });
  afterAll(async () => {
    for (const p of [ana, bruno, chefe]) p.stream.close();
    http.server.closeAllConnections();
    http.server.close();
    await t.close();
  });

  it("a note on Vendas' queued conversation reaches Ana (Vendas) and the supervisor, not Bruno (Suporte)", async () => {
    const { handoffId, contactId } = await seedHandoff(t.testDb.db, channelId, '5584993330001');
    expect((await ana.as.json('POST', `/api/handoffs/${handoffId}/notes`, { text: 'cliente VIP' })).status).toBe(201);
    bus.publish({ type: 'message.received', conversationId: contactId });
    await settle('marker-1');
    expect(heard(ana, handoffId)).toContain('handoff.claimed');
    expect(heard(ana, contactId)).toContain('message.received');
    expect(heard(chefe, contactId)).toEqual(expect.arrayContaining(['handoff.claimed', 'message.received']));
    expect(heard(bruno, handoffId)).toEqual([]);
    expect(heard(bruno, contactId)).toEqual([]);
  });

  it("once Ana claims it, its messages are hers; a transfer to Suporte reaches Bruno's stream", async () => {
    const { handoffId, contactId } = await seedHandoff(t.testDb.db, channelId, '5584993330002');
    expect((await ana.as.json('POST', `/api/handoffs/${handoffId}/claim`)).status).toBe(200);
    bus.publish({ type: 'message.received', conversationId: contactId });
    await settle('marker-2');
    expect(heard(ana, contactId)).toContain('message.received');
    expect(heard(bruno, contactId)).toEqual([]);

    const suporte = (
      await t.as('admin').json<{ teams: { id: string; name: string }[] }>('GET', '/api/teams')
    ).body.teams.find((x) => x.name === 'Suporte');
    const moved = await ana.as.json('POST', `/api/handoffs/${handoffId}/transfer`, {
      teamId: suporte?.id,
      note: 'é troca de produto',
    });
    expect(moved.status).toBe(200);
    await settle('marker-3');
    expect(heard(bruno, handoffId)).toContain('handoff.claimed');
  });

  it('a conversation no handoff holds reaches every agent (it is on their Conversas page)', async () => {
    bus.publish({ type: 'message.received', conversationId: 'contato-sem-atendimento' });
    await settle('marker-4');
    for (const p of [ana, bruno, chefe]) expect(heard(p, 'contato-sem-atendimento')).toEqual(['message.received']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StudioEvent } from '../../shared/api/events.ts';
import { createLocalEventBus } from '../events/event-bus.ts';
import { personWithToken, seedChannel, seedHandoff } from '../testing/seed-inbox.ts';
import { createTestApp, type Caller, type TestApp } from '../testing/test-app.ts';

interface HandoffBody {
  id: string;
  status: string;
  team: string;
  teamId: string | null;
  assignedUserId: string | null;
  slaDueAt: string | null;
}
type Person = { id: string; as: Caller };

const ids = (res: { body: { handoffs: HandoffBody[] } }) => res.body.handoffs.map((h) => h.id).sort();

describe('teams, presence and team-scoped inbox', () => {
  let t: TestApp;
  let ana: Person;
  let bruno: Person;
  let chefe: Person;
  let editor: Person;
  let channelId: string;
  const events: StudioEvent[] = [];
  beforeAll(async () => {
    const bus = createLocalEventBus();
    bus.subscribe((e) => events.push(e));
    t = await createTestApp({ events: bus });
    ana = await personWithToken(t, 'agent', 'ana@fluxo.test');
    bruno = await personWithToken(t, 'agent', 'bruno@fluxo.test');
    chefe = await personWithToken(t, 'supervisor', 'chefe@fluxo.test');
    editor = await personWithToken(t, 'editor', 'edi@fluxo.test');
    channelId = (await seedChannel(t.testDb.db, t.deps.secrets)).id;
  });
  afterAll(() => t.close());

  it('admins create teams of active inbox people, with an SLA and canned replies; names are unique', async () => {
    const admin = t.as('admin');
    const bad = await admin.json<{ error: { code: string } }>('POST', '/api/teams', {
      name: 'Vendas',
      memberIds: [editor.id],
    });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_member']);
    const created = await admin.json<{ team: { id: string; slaSeconds: number; cannedReplies: unknown[] } }>(
      'POST',
      '/api/teams',
      {
        name: 'Vendas',
        slaSeconds: 120,
        memberIds: [ana.id],
        cannedReplies: [{ title: 'Saudação', text: 'Olá {{nome}}, aqui é da Loja!' }],
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.team.slaSeconds).toBe(120);
    expect(created.body.team.cannedReplies).toEqual([
      expect.objectContaining({ title: 'Saudação', text: 'Olá {{nome}}, aqui é da Loja!' }),
    ]);
    const dup = await admin.json<{ error: { code: string } }>('POST', '/api/teams', { name: 'vendas' });
    expect([dup.status, dup.body.error.code]).toEqual([409, 'name_taken']);
    await admin.json('POST', '/api/teams', { name: 'Suporte', memberIds: [bruno.id] });
    // Agents read the teams (canned replies, transfer targets), and may not change them.
    expect((await ana.as.json<{ teams: unknown[] }>('GET', '/api/teams')).body.teams).toHaveLength(2);
    expect((await ana.as.json('PATCH', `/api/teams/${created.body.team.id}`, { slaSeconds: 60 })).status).toBe(403);
  });

  it("an agent sees their own and their teams' queue only; claiming another team's is 403", async () => {
    const vendas = await seedHandoff(t.testDb.db, channelId, '5584990000101'); // team "vendas" (Vendas)
    const loose = await seedHandoff(t.testDb.db, channelId, '5584990000102');
    await t.testDb.db.updateTable('handoffs').set({ team: 'sem-equipe' }).where('id', '=', loose.handoffId).execute();

    const anaSees = await ana.as.json<{ handoffs: HandoffBody[] }>('GET', '/api/handoffs');
    expect(ids(anaSees)).toEqual([vendas.handoffId, loose.handoffId].sort());
    expect(anaSees.body.handoffs.find((h) => h.id === vendas.handoffId)?.slaDueAt).not.toBeNull();
    // Bruno is in Suporte: Vendas' queue is not his; a team nobody created is everyone's.
    expect(ids(await bruno.as.json('GET', '/api/handoffs'))).toEqual([loose.handoffId]);
    const steal = await bruno.as.json<{ error: { code: string } }>('POST', `/api/handoffs/${vendas.handoffId}/claim`);
    expect([steal.status, steal.body.error.code]).toEqual([403, 'other_team']);
    expect((await bruno.as.json('GET', `/api/handoffs/${vendas.handoffId}`)).status).toBe(403);
    // The supervisor sees everything.
    const all = ids(await chefe.as.json('GET', '/api/handoffs'));
    expect(all).toEqual(expect.arrayContaining([vendas.handoffId, loose.handoffId]));
    await t.testDb.db.deleteFrom('handoffs').execute();
  });

  it('coming online takes the queue at once, and the assignment is announced', async () => {
    const queued = await seedHandoff(t.testDb.db, channelId, '5584990000103');
    expect((await ana.as.json<{ presence: { status: string } }>('GET', '/api/presence')).body.presence.status).toBe(
      'offline',
    );
    events.length = 0;
    const res = await ana.as.json<{ presence: { status: string; capacity: number } }>('PUT', '/api/presence', {
      status: 'online',
      capacity: 3,
    });
    expect(res.body.presence).toMatchObject({ status: 'online', capacity: 3 });
    const [h] = (await ana.as.json<{ handoffs: HandoffBody[] }>('GET', '/api/handoffs')).body.handoffs;
    expect(h).toMatchObject({ id: queued.handoffId, status: 'claimed', assignedUserId: ana.id });
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'handoff.assigned', handoffId: queued.handoffId, userId: ana.id }),
    );
    const bad = await ana.as.json<{ error: { code: string } }>('PUT', '/api/presence', { status: 'busy' });
    expect(bad.status).toBe(400);
  });

  it('transfer to a team with a note, internal notes, reopen by a supervisor', async () => {
    const [h] = (await ana.as.json<{ handoffs: HandoffBody[] }>('GET', '/api/handoffs')).body.handoffs;
    const id = h?.id ?? '';
    const teams = (await ana.as.json<{ teams: { id: string; name: string }[] }>('GET', '/api/teams')).body.teams;
    const suporte = teams.find((x) => x.name === 'Suporte')?.id ?? '';

    expect((await ana.as.json('POST', `/api/handoffs/${id}/notes`, { text: 'cliente VIP' })).status).toBe(201);
    const bad = await ana.as.json<{ error: { code: string } }>('POST', `/api/handoffs/${id}/transfer`, {
      note: 'sem destino',
    });
    expect(bad.status).toBe(400);
    const moved = await ana.as.json<{ handoff: HandoffBody }>('POST', `/api/handoffs/${id}/transfer`, {
      teamId: suporte,
      note: 'problema técnico',
    });
    expect(moved.status).toBe(200);
    // Bruno is offline: it waits in Suporte's queue, which Ana no longer sees.
    expect(moved.body.handoff).toMatchObject({ team: 'Suporte', status: 'open', assignedUserId: null });
    expect(ids(await ana.as.json('GET', '/api/handoffs'))).toEqual([]);
    expect(ids(await bruno.as.json('GET', '/api/handoffs'))).toEqual([id]);

    const detail = await bruno.as.json<{ notes: { kind: string; text: string; author: { name: string } }[] }>(
      'GET',
      `/api/handoffs/${id}`,
    );
    expect(detail.body.notes.map((n) => [n.kind, n.text, n.author.name])).toEqual([
      ['note', 'cliente VIP', 'ana'],
      ['transfer', '→ equipe Suporte: problema técnico', 'ana'],
    ]);
    // No note reached the contact.
    const sent = await t.testDb.db.selectFrom('messages').select('text').where('direction', '=', 'out').execute();
    expect(sent).toEqual([]);

    expect((await bruno.as.json('POST', `/api/handoffs/${id}/claim`)).status).toBe(200);
    expect((await bruno.as.json('POST', `/api/handoffs/${id}/resolve`)).status).toBe(200);
    expect((await bruno.as.json('POST', `/api/handoffs/${id}/reopen`, {})).status).toBe(403);
    const reopened = await chefe.as.json<{ handoff: HandoffBody }>('POST', `/api/handoffs/${id}/reopen`, {
      text: 'cliente voltou',
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body.handoff).toMatchObject({ status: 'open', assignedUserId: null });
    const again = await chefe.as.json<{ error: { code: string } }>('POST', `/api/handoffs/${id}/reopen`, {});
    expect([again.status, again.body.error.code]).toEqual([409, 'not_resolved']);
  });
});

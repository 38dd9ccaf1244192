import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personWithToken, seedChannel, seedHandoff } from '../testing/seed-inbox.ts';
import { createTestApp, type Caller, type TestApp } from '../testing/test-app.ts';

interface AgentBody {
  id: string;
  status: string;
  capacity: number;
  openCount: number;
  teamIds: string[];
}
interface QueueBody {
  teamId: string | null;
  team: string;
  waiting: number;
  oldestWaitingSince: string | null;
  claimed: number;
  breached: number;
}

describe('the floor: inbox people and team queues', () => {
  let t: TestApp;
  let ana: { id: string; as: Caller };
  let chefe: { id: string; as: Caller };
  let vendasId: string;
  let channelId: string;
  beforeAll(async () => {
    t = await createTestApp();
    ana = await personWithToken(t, 'agent', 'ana@fluxo.test');
    chefe = await personWithToken(t, 'supervisor', 'chefe@fluxo.test');
    await personWithToken(t, 'editor', 'edi@fluxo.test');
    channelId = (await seedChannel(t.testDb.db, t.deps.secrets)).id;
    const created = await t
      .as('admin')
      .json<{ team: { id: string } }>('POST', '/api/teams', { name: 'Vendas', slaSeconds: 60, memberIds: [ana.id] });
    vendasId = created.body.team.id;
    await t.as('admin').json('POST', '/api/teams', { name: 'Suporte' });
  });
  afterAll(() => t.close());

  it('lists active inbox people (no editors) with presence, load and teams, to any inbox role', async () => {
    await ana.as.json('PUT', '/api/presence', { status: 'online', capacity: 3 });
    const held = await seedHandoff(t.testDb.db, channelId, '5584994440001', ana.id);
    expect(held.handoffId).toBeTruthy();
    const res = await ana.as.json<{ agents: (AgentBody & { name: string })[] }>('GET', '/api/teams/agents');
    expect(res.status).toBe(200);
    expect(res.body.agents.map((a) => a.name)).not.toContain('edi');
    expect(res.body.agents.find((a) => a.id === ana.id)).toMatchObject({
      status: 'online',
      capacity: 3,
      openCount: 1,
      teamIds: [vendasId],
    });
    expect(res.body.agents.find((a) => a.id === chefe.id)).toMatchObject({ status: 'offline', openCount: 0 });
  });

  it("shows each team's queue with its longest wait, held and SLA-missed conversations", async () => {
    const waiting = await seedHandoff(t.testDb.db, channelId, '5584994440002');
    await t.testDb.db
      .updateTable('handoffs')
      .set({ sla_breached_at: new Date() })
      .where('id', '=', waiting.handoffId)
      .execute();
    const orphan = await seedHandoff(t.testDb.db, channelId, '5584994440003');
    await t.testDb.db.updateTable('handoffs').set({ team: 'Financeiro' }).where('id', '=', orphan.handoffId).execute();

    const res = await chefe.as.json<{ queues: QueueBody[] }>('GET', '/api/teams/queues');
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(res.body.queues.map((q) => [q.team, q]));
    expect(byName.Vendas).toMatchObject({ teamId: vendasId, waiting: 1, claimed: 1, breached: 1 });
    expect(byName.Vendas?.oldestWaitingSince).not.toBeNull();
    expect(byName.Suporte).toMatchObject({ waiting: 0, claimed: 0, breached: 0, oldestWaitingSince: null });
    expect(byName.Financeiro).toMatchObject({ teamId: null, waiting: 1 });
    expect((await ana.as.json('GET', '/api/teams/queues')).status).toBe(403);
  });

  it("a supervisor sets someone's capacity (audited); a freed slot takes the queue at once", async () => {
    const bad = await chefe.as.json<{ error: { code: string } }>('PUT', '/api/teams/agents/nobody/capacity', {
      capacity: 4,
    });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_agent']);
    const res = await chefe.as.json('PUT', `/api/teams/agents/${ana.id}/capacity`, { capacity: 5 });
    expect(res.status).toBe(200);
    const agents = await chefe.as.json<{ agents: AgentBody[] }>('GET', '/api/teams/agents');
    // The Vendas conversation waiting (seeded past the router) went to Ana, online with room, on this change.
    expect(agents.body.agents.find((a) => a.id === ana.id)).toMatchObject({ capacity: 5, openCount: 2 });
    const audit = await t.testDb.db
      .selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('action', '=', 'presence.capacity')
      .execute();
    expect(audit).toEqual([{ action: 'presence.capacity', target_id: ana.id }]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { createApiToken } from '../db/queries/tokens.ts';
import { createUser } from '../db/queries/users.ts';
import { channelA, startMessagingHarness, type MessagingHarness } from '../testing/messaging-harness.ts';
import { personWithToken, seedChannel, seedHandoff } from '../testing/seed-inbox.ts';
import { createTestApp, type Caller, type TestApp } from '../testing/test-app.ts';
import { messageWebhook } from '../testing/webhook-payloads.ts';
import { repliesTo, waitForProcessed } from '../testing/wait-for-processed.ts';

const handoffFlow: FlowDocumentInput = {
  name: 'Atendimento',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    {
      id: 'human',
      type: 'handoff',
      position: { x: 0, y: 150 },
      data: { team: 'corretores', message: 'Vou te passar para um corretor.', note: 'Lead quente' },
    },
    { id: 'back', type: 'message', position: { x: 0, y: 300 }, data: { text: 'Voltei! Posso ajudar em algo mais?' } },
    { id: 'end', type: 'end', position: { x: 0, y: 450 }, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'human' },
    { id: 'e2', source: 'human', sourceHandle: 'resolved', target: 'back' },
    { id: 'e3', source: 'back', sourceHandle: 'next', target: 'end' },
  ],
};

let seq = 0;
const say = (h: MessagingHarness, text: string) =>
  h.postJson(
    messageWebhook({
      ...channelA,
      wamid: `wamid.handoff.${++seq}`,
      from: '5584991232222',
      name: 'Carla',
      timestamp: new Date(Date.now() - 60_000 + seq * 1000),
      text,
    }),
  );

describe('agent inbox', () => {
  let h: MessagingHarness;
  let agent: { json<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> };
  beforeAll(async () => {
    h = await startMessagingHarness({ flow: handoffFlow });
    const user = await createUser(h.testDb.db, { email: 'agente@fluxo.test', password: 'agente-senha', role: 'agent' });
    const { secret } = await createApiToken(h.testDb.db, { name: 'agent', role: 'agent', createdBy: user.id });
    agent = {
      async json<T>(method: string, path: string, body?: unknown) {
        const res = await h.app.request(path, {
          method,
          headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: res.status, body: (await res.json()) as T };
      },
    };
  });
  afterAll(() => h.close());
  const texts = () => h.fake.sent().map((r) => (r.body as { text: { body: string } }).text.body);

  it('silences the bot during a handoff, lets the agent answer, and resumes the flow on resolve', async () => {
    await say(h, 'quero falar com alguém');
    await h.fake.waitForSent(1);
    expect(texts()).toEqual(['Vou te passar para um corretor.']);

    await say(h, 'alô?');
    // Once 'alô?' is processed its replies (none, during a handoff) are written.
    await waitForProcessed(h.testDb.db, `wamid.handoff.${seq}`);
    expect(await repliesTo(h.testDb.db, '5584991232222')).toBe(1);
    expect(texts()).toHaveLength(1);

    const list = await agent.json<{
      handoffs: { id: string; team: string; note: string; status: string; windowOpen: boolean }[];
    }>('GET', '/api/handoffs');
    expect(list.body.handoffs).toEqual([
      expect.objectContaining({ team: 'corretores', note: 'Lead quente', status: 'open', windowOpen: true }),
    ]);
    const id = list.body.handoffs[0]?.id ?? '';

    const detail = await agent.json<{ messages: { author: string; text: string }[] }>('GET', `/api/handoffs/${id}`);
    expect(detail.body.messages.map((m) => [m.author, m.text])).toEqual([
      ['contact', 'quero falar com alguém'],
      ['bot', 'Vou te passar para um corretor.'],
      ['contact', 'alô?'],
    ]);

    expect((await agent.json('POST', `/api/handoffs/${id}/claim`)).status).toBe(200);
    expect(
      (await agent.json('POST', `/api/handoffs/${id}/messages`, { text: 'Oi Carla, aqui é o Pedro!' })).status,
    ).toBe(202);
    await h.fake.waitForSent(2);
    expect(texts()[1]).toBe('Oi Carla, aqui é o Pedro!');

    expect((await agent.json('POST', `/api/handoffs/${id}/resolve`)).status).toBe(200);
    await h.fake.waitForSent(3);
    expect(texts()[2]).toBe('Voltei! Posso ajudar em algo mais?');
    const again = await agent.json<{ error: { code: string } }>('POST', `/api/handoffs/${id}/resolve`);
    expect(again.status).toBe(409);
    expect((await agent.json('POST', '/api/handoffs/nope/claim')).status).toBe(404);
    expect(
      (await agent.json<{ error: { code: string } }>('POST', `/api/handoffs/${id}/messages`, { text: '' })).status,
    ).toBe(400);
  });
});

/** Issue 21, defect 5: an agent works the unassigned queue and their own conversations; admins reassign. */
describe('inbox ownership', () => {
  let t: TestApp;
  let ana: { id: string; as: Caller };
  let bruno: { id: string; as: Caller };
  let chefe: { id: string; as: Caller };
  let open: { contactId: string; handoffId: string };
  let anas: { contactId: string; handoffId: string };
  let brunos: { contactId: string; handoffId: string };
  beforeAll(async () => {
    t = await createTestApp();
    ana = await personWithToken(t, 'agent', 'ana@fluxo.test');
    bruno = await personWithToken(t, 'agent', 'bruno@fluxo.test');
    chefe = await personWithToken(t, 'admin', 'chefe@fluxo.test');
    const channel = await seedChannel(t.testDb.db, t.deps.secrets);
    open = await seedHandoff(t.testDb.db, channel.id, '5584990000001');
    anas = await seedHandoff(t.testDb.db, channel.id, '5584990000002', ana.id);
    brunos = await seedHandoff(t.testDb.db, channel.id, '5584990000003', bruno.id);
  });
  afterAll(() => t.close());
  const holder = async (id: string) =>
    await t.testDb.db
      .selectFrom('handoffs')
      .select(['status', 'assigned_user_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const ids = (r: { body: { handoffs: { id: string }[] } }) => r.body.handoffs.map((h) => h.id).sort();

  it('an agent lists the unassigned queue and their own conversations; an admin lists every one', async () => {
    expect(ids(await ana.as.json('GET', '/api/handoffs'))).toEqual([open.handoffId, anas.handoffId].sort());
    expect(ids(await bruno.as.json('GET', '/api/handoffs?status=claimed'))).toEqual([brunos.handoffId]);
    expect(ids(await chefe.as.json('GET', '/api/handoffs'))).toEqual(
      [open.handoffId, anas.handoffId, brunos.handoffId].sort(),
    );
  });

  it("an agent cannot read, answer, resolve or re-claim another agent's conversation, and nothing changes", async () => {
    const messagesBefore = await t.testDb.db.selectFrom('messages').selectAll().execute();
    for (const [method, path, body] of [
      ['GET', `/api/handoffs/${brunos.handoffId}`, undefined],
      ['POST', `/api/handoffs/${brunos.handoffId}/messages`, { text: 'deixa comigo' }],
      ['POST', `/api/handoffs/${brunos.handoffId}/resolve`, undefined],
      ['GET', `/api/contacts/${brunos.contactId}/messages`, undefined],
      ['POST', `/api/contacts/${brunos.contactId}/messages`, { text: 'deixa comigo' }],
      ['POST', `/api/contacts/${brunos.contactId}/reset`, undefined],
    ] as const) {
      const res = await ana.as.json<{ error: { code: string } }>(method, path, body);
      expect([path, res.status, res.body.error.code]).toEqual([path, 403, 'claimed_by_other']);
    }
    const claim = await ana.as.json<{ error: { code: string } }>('POST', `/api/handoffs/${brunos.handoffId}/claim`);
    expect(claim.status).toBe(409);
    expect(claim.body.error.code).toBe('already_claimed');
    expect(await holder(brunos.handoffId)).toEqual({ status: 'claimed', assigned_user_id: bruno.id });
    expect(await t.testDb.db.selectFrom('messages').selectAll().execute()).toEqual(messagesBefore);
    // Their own, and the queue, stay workable.
    expect((await ana.as.json('GET', `/api/handoffs/${anas.handoffId}`)).status).toBe(200);
    expect(
      (await ana.as.json('POST', `/api/handoffs/${anas.handoffId}/messages`, { text: 'Oi, aqui é a Ana' })).status,
    ).toBe(202);
    expect((await ana.as.json('GET', `/api/handoffs/${open.handoffId}`)).status).toBe(200);
  });

  it('the first claim wins: a second agent gets 409 already_claimed, the holder may claim again', async () => {
    expect((await bruno.as.json('POST', `/api/handoffs/${open.handoffId}/claim`)).status).toBe(200);
    const late = await ana.as.json<{ error: { code: string } }>('POST', `/api/handoffs/${open.handoffId}/claim`);
    expect([late.status, late.body.error.code]).toEqual([409, 'already_claimed']);
    expect((await bruno.as.json('POST', `/api/handoffs/${open.handoffId}/claim`)).status).toBe(200);
    expect(await holder(open.handoffId)).toEqual({ status: 'claimed', assigned_user_id: bruno.id });
    expect(ids(await ana.as.json('GET', '/api/handoffs'))).toEqual([anas.handoffId]);
  });

  it('an admin reassigns (or returns to the queue); agents and editors cannot', async () => {
    const byAgent = await ana.as.json<{ error: { code: string } }>('POST', `/api/handoffs/${brunos.handoffId}/assign`, {
      userId: ana.id,
    });
    expect([byAgent.status, byAgent.body.error.code]).toEqual([403, 'forbidden']);
    expect(
      (await t.as('editor').json('POST', `/api/handoffs/${brunos.handoffId}/assign`, { userId: ana.id })).status,
    ).toBe(403);
    expect(await holder(brunos.handoffId)).toEqual({ status: 'claimed', assigned_user_id: bruno.id });

    const moved = await chefe.as.json<{ handoff: { assignedUserId: string; status: string } }>(
      'POST',
      `/api/handoffs/${brunos.handoffId}/assign`,
      { userId: ana.id },
    );
    expect(moved.status).toBe(200);
    expect(moved.body.handoff).toMatchObject({ assignedUserId: ana.id, status: 'claimed' });
    expect((await ana.as.json('GET', `/api/handoffs/${brunos.handoffId}`)).status).toBe(200);
    expect((await bruno.as.json('GET', `/api/handoffs/${brunos.handoffId}`)).status).toBe(403);

    const queued = await chefe.as.json<{ handoff: { assignedUserId: string | null; status: string } }>(
      'POST',
      `/api/handoffs/${brunos.handoffId}/assign`,
      { userId: null },
    );
    expect(queued.body.handoff).toMatchObject({ assignedUserId: null, status: 'open' });

    const editor = await personWithToken(t, 'editor', 'edu@fluxo.test');
    for (const userId of [editor.id, 'nobody']) {
      const refused = await chefe.as.json<{ error: { code: string } }>(
        'POST',
        `/api/handoffs/${brunos.handoffId}/assign`,
        { userId },
      );
      expect([refused.status, refused.body.error.code]).toEqual([400, 'invalid_assignee']);
    }
    expect(await holder(brunos.handoffId)).toEqual({ status: 'open', assigned_user_id: null });
    expect((await chefe.as.json('POST', '/api/handoffs/nope/assign', { userId: null })).status).toBe(404);
    expect((await chefe.as.json('POST', `/api/handoffs/${anas.handoffId}/resolve`)).status).toBe(200);
    const closed = await chefe.as.json<{ error: { code: string } }>('POST', `/api/handoffs/${anas.handoffId}/assign`, {
      userId: bruno.id,
    });
    expect([closed.status, closed.body.error.code]).toEqual([409, 'already_resolved']);
  });

  it('only admins export or erase a contact', async () => {
    for (const [method, path] of [
      ['GET', `/api/contacts/${open.contactId}/export`],
      ['DELETE', `/api/contacts/${open.contactId}`],
    ] as const) {
      const res = await bruno.as.json<{ error: { code: string } }>(method, path);
      expect([path, res.status, res.body.error.code]).toEqual([path, 403, 'forbidden']);
    }
    expect(
      await t.testDb.db.selectFrom('contacts').select('id').where('id', '=', open.contactId).executeTakeFirst(),
    ).toBeDefined();
    expect((await chefe.as.json('GET', `/api/contacts/${open.contactId}/export`)).status).toBe(200);
    expect((await chefe.as.json('DELETE', `/api/contacts/${open.contactId}`)).status).toBe(204);
  });
});

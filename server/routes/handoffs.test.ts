import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { createApiToken } from '../db/queries/tokens.ts';
import { createUser } from '../db/queries/users.ts';
import { channelA, startMessagingHarness, type MessagingHarness } from '../testing/messaging-harness.ts';
import { messageWebhook } from '../testing/webhook-payloads.ts';

const handoffFlow: FlowDocumentInput = {
  name: 'Atendimento',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'human', type: 'handoff', position: { x: 0, y: 150 }, data: { team: 'corretores', message: 'Vou te passar para um corretor.', note: 'Lead quente' } },
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
const say = (h: MessagingHarness, text: string) => h.postJson(messageWebhook({
  ...channelA, wamid: `wamid.handoff.${++seq}`, from: '5584991232222', name: 'Carla', timestamp: new Date(Date.now() - 60_000 + seq * 1000), text,
}));

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
          method, headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
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
    await new Promise((r) => setTimeout(r, 400));
    expect(texts()).toHaveLength(1);

    const list = await agent.json<{ handoffs: { id: string; team: string; note: string; status: string; windowOpen: boolean }[] }>('GET', '/api/handoffs');
    expect(list.body.handoffs).toEqual([expect.objectContaining({ team: 'corretores', note: 'Lead quente', status: 'open', windowOpen: true })]);
    const id = list.body.handoffs[0]?.id ?? '';

    const detail = await agent.json<{ messages: { author: string; text: string }[] }>('GET', `/api/handoffs/${id}`);
    expect(detail.body.messages.map((m) => [m.author, m.text])).toEqual([
      ['contact', 'quero falar com alguém'], ['bot', 'Vou te passar para um corretor.'], ['contact', 'alô?'],
    ]);

    expect((await agent.json('POST', `/api/handoffs/${id}/claim`)).status).toBe(200);
    expect((await agent.json('POST', `/api/handoffs/${id}/messages`, { text: 'Oi Carla, aqui é o Pedro!' })).status).toBe(202);
    await h.fake.waitForSent(2);
    expect(texts()[1]).toBe('Oi Carla, aqui é o Pedro!');

    expect((await agent.json('POST', `/api/handoffs/${id}/resolve`)).status).toBe(200);
    await h.fake.waitForSent(3);
    expect(texts()[2]).toBe('Voltei! Posso ajudar em algo mais?');
    const again = await agent.json<{ error: { code: string } }>('POST', `/api/handoffs/${id}/resolve`);
    expect(again.status).toBe(409);
    expect((await agent.json('POST', '/api/handoffs/nope/claim')).status).toBe(404);
    expect((await agent.json<{ error: { code: string } }>('POST', `/api/handoffs/${id}/messages`, { text: '' })).status).toBe(400);
  });
});

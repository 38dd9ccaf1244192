import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { createApiToken } from '../db/queries/tokens.ts';
import { createUser } from '../db/queries/users.ts';
import { startFakeLlmApi, type FakeLlm } from '../testing/fake-llm-api.ts';
import { channelA, startMessagingHarness, type MessagingHarness } from '../testing/messaging-harness.ts';
import { caller, type Caller } from '../testing/test-app.ts';
import { messageWebhook } from '../testing/webhook-payloads.ts';

/** start → AI conversation; without a provider the block takes `error` and says so. */
const aiFlow: FlowDocumentInput = {
  name: 'Atendimento IA',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'ai', type: 'llm', position: { x: 0, y: 150 }, data: { systemPrompt: 'Você atende uma pizzaria.' } },
    { id: 'down', type: 'message', position: { x: 300, y: 300 }, data: { text: 'IA indisponível' } },
    { id: 'bye', type: 'message', position: { x: 0, y: 300 }, data: { text: 'Tchau' } },
    { id: 'end', type: 'end', position: { x: 0, y: 450 }, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'ai' },
    { id: 'e2', source: 'ai', sourceHandle: 'error', target: 'down' },
    { id: 'e3', source: 'ai', sourceHandle: 'next', target: 'bye' },
    { id: 'e4', source: 'ai', sourceHandle: 'escalate', target: 'bye' },
    { id: 'e5', source: 'down', sourceHandle: 'next', target: 'end' },
    { id: 'e6', source: 'bye', sourceHandle: 'next', target: 'end' },
  ],
};

const apiKey = 'sk-stored-provider-key-0123456789';
const recent = () => new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
let seq = 0;
const text = (from: string, body: string) =>
  messageWebhook({ ...channelA, wamid: `wamid.llm.${++seq}`, from, name: 'Ana', timestamp: recent(), text: body });
const textTo = (h: MessagingHarness, to: string) =>
  h.fake
    .sent()
    .filter((s) => (s.body as { to: string }).to === `+${to}`)
    .map((s) => (s.body as { text?: { body: string } }).text?.body);

describe('LLM blocks use the provider stored in the settings', () => {
  let h: MessagingHarness;
  let llm: FakeLlm;
  let admin: Caller;

  beforeAll(async () => {
    llm = await startFakeLlmApi(
      () => ({ reply: 'Olá! Qual pizza você quer?', score: 0.1, route: 'continue', variables: {} }),
      { apiKey },
    );
    // No AI_* variables: the harness's configuration has none.
    h = await startMessagingHarness({ flow: aiFlow });
    const owner = await createUser(h.testDb.db, {
      email: 'dono@fluxo.test',
      name: 'Dono',
      password: 'cavalo-bateria-grampo',
      role: 'admin',
    });
    const { secret } = await createApiToken(h.testDb.db, { name: 'admin', role: 'admin', createdBy: owner.id });
    admin = caller(h.app, { authorization: `Bearer ${secret}` });
  });
  afterAll(async () => {
    await h.close();
    await llm.close();
  });

  it("takes the error branch with no provider, then the stored provider's reply once one is saved, without a restart", async () => {
    expect((await h.postJson(text('5584991230001', 'oi'))).status).toBe(200);
    await h.fake.waitForSent(1);
    expect(textTo(h, '5584991230001')).toEqual(['IA indisponível']);
    expect(llm.calls).toBe(0);

    const saved = await admin.json('POST', '/api/settings/ai-providers', {
      name: 'Local',
      baseUrl: llm.url,
      model: 'fake-model',
      apiKey,
    });
    expect(saved.status).toBe(201);

    expect((await h.postJson(text('5584991230002', 'oi'))).status).toBe(200);
    await h.fake.waitForSent(2);
    expect(textTo(h, '5584991230002')).toEqual(['Olá! Qual pizza você quer?']);
    expect(llm.calls).toBe(1);
  });
});

import { generateText, streamText, tool } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { driver, texts } from '../../runtime/testing/session-test-kit.ts';
import { buildFlow } from '../../runtime/testing/build-flow.ts';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { createApiToken } from '../db/queries/tokens.ts';
import { createUser } from '../db/queries/users.ts';
import { startFakeAgentLlmApi, type FakeAgentLlm } from '../testing/fake-agent-llm-api.ts';
import { channelA, startMessagingHarness, type MessagingHarness } from '../testing/messaging-harness.ts';
import { caller } from '../testing/test-app.ts';
import { messageWebhook } from '../testing/webhook-payloads.ts';
import { openAiCompatibleModel } from './llm-model.ts';

const model = (fake: FakeAgentLlm) =>
  openAiCompatibleModel({ baseUrl: fake.url, apiKey: 'sk-test', model: 'fake-agent' });

const agentFlow = (tools: string[]) =>
  buildFlow(
    [
      { id: 'ai', type: 'agent', data: { instructions: 'Você vende pizzas.', tools } },
      { id: 'err', type: 'message', data: { text: 'erro {{ai_error}}' } },
      { id: 'done', type: 'message', data: { text: 'fim' } },
    ],
    [
      ['ai', 'error', 'err'],
      ['ai', 'done', 'done'],
    ],
  );

const catalog = {
  categories: [{ id: 'c1', name: 'Pizzas' }],
  products: [
    { id: 'p1', categoryId: 'c1', name: 'Calabresa', description: '', priceCents: 4990, imageUrl: null, stock: null },
  ],
};

describe('the agent block against an OpenAI-compatible server', () => {
  const fakes: FakeAgentLlm[] = [];
  afterAll(async () => Promise.all(fakes.map((f) => f.close())));
  const start = async (...args: Parameters<typeof startFakeAgentLlmApi>) => {
    const f = await startFakeAgentLlmApi(...args);
    fakes.push(f);
    return f;
  };

  it('sends the tools, runs the tool call it gets back, returns its result and replies', async () => {
    const fake = await start([
      { toolCalls: [{ name: 'search_catalog', arguments: { query: 'calabresa' } }] },
      { text: 'Temos Calabresa por R$ 49,90!' },
    ]);
    const d = driver(agentFlow(['search_catalog', 'end']), catalog);
    d.ports.llm = model(fake);
    const effects = await d.send('tem calabresa?');
    expect(texts(effects)).toEqual(['Temos Calabresa por R$ 49,90!']);
    expect(fake.requests[0]?.tools.map((t) => t.function.name).sort()).toEqual(['end', 'search_catalog']);
    const toolMessage = fake.requests[1]?.messages.find((m) => m.role === 'tool');
    expect(JSON.stringify(toolMessage?.content)).toContain('Calabresa');
    const run = effects.find((e) => e.type === 'ai_run');
    expect(run).toMatchObject({ run: { inputTokens: 200, outputTokens: 40, steps: 2, model: 'fake-agent' } });
  });

  it('a 429 rate limit takes the error output as rate_limited; a 500 as provider_error', async () => {
    const limited = await start([{ status: 429, message: 'Rate limit reached for requests' }]);
    const d = driver(agentFlow([]));
    d.ports.llm = model(limited);
    expect(texts(await d.send('oi'))).toEqual(['erro rate_limited']);
    const broken = await start([{ status: 500, message: 'The server had an error' }]);
    const e = driver(agentFlow([]));
    e.ports.llm = model(broken);
    expect(texts(await e.send('oi'))).toEqual(['erro provider_error']);
  });

  it('the provider adapter reads streamed answers with tool calls from the fake, as from OpenAI', async () => {
    const fake = await start([{ toolCalls: [{ name: 'lookup', arguments: { q: 'x' } }] }, { text: 'pronto agora' }]);
    const tools = { lookup: tool({ inputSchema: z.object({ q: z.string() }), execute: async () => ({ ok: true }) }) };
    const streamed = streamText({ model: model(fake), prompt: 'oi', tools, stopWhen: () => false, maxRetries: 0 });
    expect(await streamed.text).toBe('pronto agora');
    expect((await streamed.steps)[0]?.toolCalls[0]).toMatchObject({ toolName: 'lookup', input: { q: 'x' } });
    expect(fake.requests.map((r) => r.stream)).toEqual([true, true]);
    // And the same answer not streamed.
    const plain = await start([{ text: 'oi de volta' }]);
    expect((await generateText({ model: model(plain), prompt: 'oi', maxRetries: 0 })).text).toBe('oi de volta');
  });
});

const pipelineFlow: FlowDocumentInput = {
  name: 'Vendas IA',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    {
      id: 'ai',
      type: 'agent',
      position: { x: 0, y: 150 },
      data: { instructions: 'Você vende pizzas.', tools: ['cart', 'create_order', 'end'] },
    },
    { id: 'end', type: 'end', position: { x: 0, y: 300 }, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'ai' },
    { id: 'e2', source: 'ai', sourceHandle: 'done', target: 'end' },
    { id: 'e3', source: 'ai', sourceHandle: 'error', target: 'end' },
    { id: 'e4', source: 'ai', sourceHandle: 'escalate', target: 'end' },
  ],
};

describe('agent turns through WhatsApp are recorded for the operator and the dashboard', () => {
  let h: MessagingHarness;
  let fake: FakeAgentLlm;

  beforeAll(async () => {
    fake = await startFakeAgentLlmApi([
      {
        toolCalls: [
          { name: 'cart', arguments: { action: 'add', productId: 'p1', quantity: 2 } },
          { name: 'create_order', arguments: { address: 'Rua das Flores, 10' } },
        ],
      },
      { toolCalls: [{ name: 'end', arguments: {} }], text: 'Pedido anotado! 🍕' },
    ]);
    h = await startMessagingHarness({ flow: pipelineFlow, ports: { llm: model(fake) } });
    await h.testDb.db.insertInto('categories').values({ id: 'c1', name: 'Pizzas', position: 0 }).execute();
    await h.testDb.db
      .insertInto('products')
      .values({ id: 'p1', category_id: 'c1', name: 'Calabresa', description: '', price_cents: 4990, active: true })
      .execute();
  });
  afterAll(async () => {
    await h.close();
    await fake.close();
  });

  it('stores the order, the reply, and the run with its tool calls, tokens and cost', async () => {
    const from = '5584991239999';
    const webhook = messageWebhook({
      ...channelA,
      wamid: 'wamid.agent.1',
      from,
      name: 'Ana',
      timestamp: new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000),
      text: 'quero 2 calabresas na Rua das Flores, 10',
    });
    expect((await h.postJson(webhook)).status).toBe(200);
    await h.fake.waitForSent(1);
    expect(h.fake.sent().map((s) => (s.body as { text?: { body: string } }).text?.body)).toEqual([
      'Pedido anotado! 🍕',
    ]);

    const order = await h.testDb.db.selectFrom('orders').selectAll().executeTakeFirstOrThrow();
    expect(order).toMatchObject({ total_cents: 9980, address: 'Rua das Flores, 10' });

    const owner = await createUser(h.testDb.db, {
      email: 'dono@fluxo.test',
      name: 'Dono',
      password: 'cavalo-bateria-grampo',
      role: 'admin',
    });
    const { secret } = await createApiToken(h.testDb.db, { name: 'admin', role: 'admin', createdBy: owner.id });
    const admin = caller(h.app, { authorization: `Bearer ${secret}` });
    const contact = await h.testDb.db
      .selectFrom('contacts')
      .select('id')
      .where('wa_id', '=', from)
      .executeTakeFirstOrThrow();
    const runs = await admin.json('GET', `/api/conversations/${contact.id}/ai-runs`);
    expect(runs.status).toBe(200);
    const body = runs.body as {
      runs: { outcome: string; inputTokens: number; costUsd: number; toolCalls: { name: string }[] }[];
    };
    expect(body.runs).toHaveLength(1);
    expect(body.runs[0]).toMatchObject({ outcome: 'done', inputTokens: 200, outputTokens: 40 });
    expect(body.runs[0]?.costUsd).toBeCloseTo((200 * 0.15 + 40 * 0.6) / 1e6, 12);
    expect(body.runs[0]?.toolCalls.map((t) => t.name)).toEqual(['cart', 'create_order', 'end']);

    const usage = await admin.json('GET', '/api/dashboard/ai?days=7');
    expect(usage.status).toBe(200);
    expect(usage.body).toMatchObject({ runs: 1, tokens: 240 });
  });
});

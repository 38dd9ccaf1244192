import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulateResponse } from '../../shared/api/simulate.ts';
import type { Problem } from '../../shared/flow/validate/index.ts';
import { starterTemplates } from '../../shared/templates/index.ts';
import { startFakeLlmApi, type FakeLlm } from '../testing/fake-llm-api.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

type Message = {
  kind: string;
  text?: string;
  body?: string;
  url?: string;
  buttons?: { id: string; title: string }[];
  sections?: { rows: { id: string; title: string }[] }[];
};
type ErrorBody = { error: { code: string; message: string } };

function choice(messages: Message[], title: string): { id: string; title: string } {
  for (const m of [...messages].reverse()) {
    const found = [...(m.buttons ?? []), ...(m.sections ?? []).flatMap((s) => s.rows)].find((o) => o.title === title);
    if (found) return found;
  }
  throw new Error(`no option "${title}" in ${JSON.stringify(messages)}`);
}
const titles = (m: Message | undefined) =>
  [...(m?.buttons ?? []), ...(m?.sections ?? []).flatMap((s) => s.rows)].map((o) => o.title);

describe('starter templates on a fresh install', () => {
  let t: TestApp;
  // Publishing asks the provider whether it answers: a fake one, since nothing may call the internet.
  let llm: FakeLlm;
  beforeAll(async () => {
    t = await createTestApp();
    llm = await startFakeLlmApi(() => ({ reply: 'Olá!', score: 0, route: 'done', variables: {} }));
  });
  afterAll(async () => {
    await llm.close();
    await t.close();
  });

  const editor = () => t.as('editor');
  const create = async (templateId: string, withSampleData?: boolean) => {
    const res = await editor().json<{ flow: { id: string } }>('POST', '/api/flows', {
      name: templateId,
      templateId,
      ...(withSampleData === undefined ? {} : { withSampleData }),
    });
    expect(res.status).toBe(201);
    return res.body.flow.id;
  };
  const validate = (id: string) =>
    editor().json<{ ok: boolean; problems: Problem[] }>('POST', `/api/flows/${id}/validate`);
  /** Simulates "oi" → "Buscar imóveis" and returns the messages of that second turn. */
  const searchProperties = async (flowId: string) => {
    const send = (body: object) => editor().json<SimulateResponse>('POST', `/api/flows/${flowId}/simulate`, body);
    const first = await send({ text: 'oi' });
    const search = await send({
      sessionId: first.body.sessionId,
      reply: choice(first.body.messages as Message[], 'Buscar imóveis'),
    });
    return { sessionId: search.body.sessionId, messages: search.body.messages as Message[], send };
  };
  const productCount = async () => (await t.testDb.db.selectFrom('products').select('id').execute()).length;

  it('says which templates bring sample data', async () => {
    const res = await editor().json<{ templates: { id: string; hasSampleData: boolean }[] }>('GET', '/api/templates');
    expect(Object.fromEntries(res.body.templates.map((x) => [x.id, x.hasSampleData]))).toEqual({
      imobiliaria: true,
      pedidos: true,
      'atendimento-ia': false,
      cobranca: false,
      'vendas-ia': false,
    });
  });

  it('refuses to publish the AI seller while no provider is configured, and names the problem', async () => {
    const id = await create('vendas-ia');
    const checked = await validate(id);
    expect(checked.body.ok).toBe(false);
    expect(checked.body.problems.map((p) => [p.code, p.severity, p.nodeId])).toEqual([
      ['agent_without_provider', 'error', 'vendedor'],
    ]);
    const refused = await editor().json<{ error: { code: string } }>('POST', `/api/flows/${id}/publish`, {});
    expect(refused.status).toBe(422);
    const { config } = t.deps;
    t.deps.config = { ...config, ai: { baseUrl: llm.url, apiKey: undefined, model: 'modelo' } };
    try {
      expect((await validate(id)).body.problems).toEqual([]);
      expect((await editor().request('POST', `/api/flows/${id}/publish`, {})).status).toBe(201);
    } finally {
      t.deps.config = config;
    }
  });

  it('without sample data: the picker finds nothing, and validation warns about it without blocking publishing', async () => {
    const id = await create('imobiliaria');
    const { messages } = await searchProperties(id);
    expect(JSON.stringify(messages)).toContain('Nenhum produto disponível');
    const checked = await validate(id);
    expect(checked.body.ok).toBe(true);
    expect(checked.body.problems.map((p) => [p.code, p.severity, p.nodeId])).toEqual([
      ['picker_without_products', 'warning', 'picker'],
    ]);
    expect((await editor().request('POST', `/api/flows/${id}/publish`, {})).status).toBe(201);
  });

  it('the clinic receptionist comes with its sample agenda, and is refused until a provider is configured', async () => {
    const id = await create('atendimento-ia');
    const agenda = await t.testDb.db
      .selectFrom('agendas')
      .select(['id', 'name'])
      .where('id', '=', 'exemplo-consultas')
      .executeTakeFirst();
    expect(agenda).toMatchObject({ name: 'Consultas da clínica' });
    const checked = await validate(id);
    expect(checked.body.problems.map((p) => [p.code, p.severity, p.nodeId])).toEqual([
      ['agent_without_provider', 'error', 'recepcionista'],
    ]);
    expect((await editor().request('POST', `/api/flows/${id}/publish`, {})).status).toBe(422);
    // The same app once AI_BASE_URL/AI_MODEL are set (deps are read per request).
    const { config } = t.deps;
    t.deps.config = { ...config, ai: { baseUrl: llm.url, apiKey: undefined, model: 'modelo' } };
    try {
      expect((await validate(id)).body.problems).toEqual([]);
    } finally {
      t.deps.config = config;
    }
  });

  it('with sample data: "Buscar imóveis" shows the properties with their pictures, served by this server', async () => {
    const id = await create('imobiliaria', true);
    const { sessionId, messages, send } = await searchProperties(id);
    expect(JSON.stringify(messages)).not.toContain('Nenhum produto disponível');
    expect(titles(messages.at(-1))).toEqual(['Apartamentos', 'Casas']);
    const apartments = await send({ sessionId, reply: choice(messages, 'Apartamentos') });
    expect(titles((apartments.body.messages as Message[]).at(-1))).toEqual(['Apto Ponta Negra', 'Apto Tirol']);
    const card = await send({ sessionId, reply: choice(apartments.body.messages as Message[], 'Apto Ponta Negra') });
    const photo = (card.body.messages as Message[]).find((m) => m.kind === 'media');
    expect(photo?.url).toBe('https://fluxo.test/samples/apto-ponta-negra.png');
    expect((await validate(id)).body.problems).toEqual([]);

    const image = await t.anonymous.request('GET', '/samples/apto-ponta-negra.png');
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await image.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it("adds a template's sample data once, however often it is used, and keeps edits to it", async () => {
    const first = await create('pedidos', true);
    const after = await productCount();
    await t.testDb.db
      .updateTable('products')
      .set({ price_cents: 1 })
      .where('id', '=', 'exemplo-pizza-margherita')
      .execute();
    const second = await create('pedidos', true);
    expect(await productCount()).toBe(after);
    // The samples live in a catalog of their own, named after the template, and both flows' pickers offer it.
    const name = starterTemplates.find((x) => x.id === 'pedidos')?.name ?? '';
    const catalogs = await t.testDb.db.selectFrom('catalogs').select('id').where('name', '=', name).execute();
    expect(catalogs).toHaveLength(1);
    const catalogId = catalogs[0]?.id;
    const pizzas = await t.testDb.db
      .selectFrom('categories')
      .select('catalog_id')
      .where('id', '=', 'exemplo-pizzas')
      .executeTakeFirstOrThrow();
    expect(pizzas.catalog_id).toBe(catalogId);
    for (const id of [first, second]) {
      const flow = await editor().json<{
        flow: { draft: { nodes: { type: string; data: { catalogId?: string } }[] } };
      }>('GET', `/api/flows/${id}`);
      const pickers = flow.body.flow.draft.nodes.filter((n) => n.type === 'product_picker');
      expect(pickers.length).toBeGreaterThan(0);
      expect(pickers.map((n) => n.data.catalogId)).toEqual(pickers.map(() => catalogId));
    }
    const kept = await t.testDb.db
      .selectFrom('products')
      .select('price_cents')
      .where('id', '=', 'exemplo-pizza-margherita')
      .executeTakeFirstOrThrow();
    expect(kept.price_cents).toBe(1);
    const environment = await editor().json<{
      environment: { activeProductsByCategory: Record<string, number>; aiConfigured: boolean };
    }>('GET', '/api/flow-environment');
    expect(environment.status).toBe(200);
    expect(environment.body.environment).toMatchObject({
      aiConfigured: false,
      activeProductsByCategory: { 'exemplo-pizzas': 3, 'exemplo-bebidas': 2 },
    });
  });

  it('refuses sample data without a template, creating nothing', async () => {
    const before = await productCount();
    const flows = (await editor().json<{ flows: unknown[] }>('GET', '/api/flows')).body.flows.length;
    const bad = await editor().json<ErrorBody>('POST', '/api/flows', { name: 'x', withSampleData: true });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('templateId');
    expect(await productCount()).toBe(before);
    expect((await editor().json<{ flows: unknown[] }>('GET', '/api/flows')).body.flows.length).toBe(flows);
  });

  it('serves only the sample pictures, and the environment only to editors', async () => {
    for (const path of ['/samples/nope.png', '/samples/..%2Fsample-data.ts', '/samples/imobiliaria.sample.json']) {
      const res = await t.anonymous.json<ErrorBody>('GET', path);
      expect(res.status, path).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    expect((await t.anonymous.request('GET', '/api/flow-environment')).status).toBe(401);
    const doc = await t.anonymous.json<{ paths: Record<string, unknown> }>('GET', '/api/openapi.json');
    expect(Object.keys(doc.body.paths)).toContain('/flow-environment');
    expect((await t.as('agent').request('GET', '/api/flow-environment')).status).toBe(403);
  });
});

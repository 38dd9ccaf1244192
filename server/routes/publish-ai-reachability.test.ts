import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFlow } from '../../runtime/testing/build-flow.ts';
import type { FlowDocument } from '../../shared/flow/schema.ts';
import { startFakeLlmApi, type FakeLlm } from '../testing/fake-llm-api.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { createProviderProbes } from '../settings/provider-probes.ts';

type Problem = { code: string; nodeId?: string; field?: string; messages: { 'pt-BR': string; en: string } };
type ErrorBody = { error: { code: string; details?: { problems?: Problem[] } } };

const answer = () => ({ reply: 'Olá!', score: 0, route: 'done' as const, variables: {} });

const menu = (provider: string) =>
  buildFlow(
    [
      {
        id: 'menu',
        type: 'menu',
        data: {
          text: 'Como posso ajudar?',
          options: [
            { id: 'a', title: 'Comprar' },
            { id: 'b', title: 'Vender' },
          ],
          ai: { enabled: true, provider },
        },
      },
      { id: 'fim', type: 'end' },
    ],
    [
      ['menu', 'opt-a', 'fim'],
      ['menu', 'opt-b', 'fim'],
    ],
    { name: 'Menu com IA' },
  );

const agentAndLlm = (provider: string) =>
  buildFlow(
    [
      { id: 'agente', type: 'agent', data: { instructions: 'Atenda o cliente.', provider } },
      { id: 'resumo', type: 'llm', data: { systemPrompt: 'Resuma a conversa.', provider } },
      { id: 'fim', type: 'end' },
    ],
    [
      ['agente', 'done', 'resumo'],
      ['agente', 'escalate', 'resumo'],
      ['agente', 'error', 'resumo'],
      ['resumo', 'next', 'fim'],
      ['resumo', 'escalate', 'fim'],
      ['resumo', 'error', 'fim'],
    ],
    { name: 'Agente' },
  );

/** A compatible server without `/models` (some proxies): everything answers 404. */
async function startServerWithoutModels(): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, server };
}

describe('publishing asks the AI providers a flow uses whether they answer', () => {
  let t: TestApp;
  let fake: FakeLlm;
  let slow: FakeLlm;
  let downUrl: string;
  let noModels: { url: string; server: Server };
  const now = { ms: 1_000_000 };

  beforeAll(async () => {
    // The probes' clock is the test's, so the cache's lifetime is moved rather than waited for.
    t = await createTestApp({ providerProbes: createProviderProbes({ now: () => now.ms, timeoutMs: 300 }) });
    fake = await startFakeLlmApi(answer, { apiKey: 'sk-certa' });
    slow = await startFakeLlmApi(answer, { delayMs: 3_000 });
    noModels = await startServerWithoutModels();
    const closed = await startFakeLlmApi(answer);
    downUrl = closed.url;
    await closed.close();
    const admin = t.as('admin');
    for (const [name, baseUrl, apiKey] of [
      ['Local', fake.url, 'sk-certa'],
      ['Chave errada', fake.url, 'sk-errada'],
      ['Desligado', downUrl, null],
      ['Lento', slow.url, null],
      ['Sem lista', noModels.url, null],
    ] as const) {
      const res = await admin.request('POST', '/api/settings/ai-providers', { name, baseUrl, apiKey, model: 'modelo' });
      expect(res.status).toBe(201);
    }
  });
  afterAll(async () => {
    await Promise.all([fake.close(), slow.close()]);
    await new Promise((resolve) => noModels.server.close(resolve));
    await t.close();
  });

  const editor = () => t.as('editor');
  async function publish(flow: FlowDocument) {
    const created = await editor().json<{ flow: { id: string } }>('POST', '/api/flows', { name: flow.name, flow });
    expect(created.status).toBe(201);
    const id = created.body.flow.id;
    const res = await editor().json<ErrorBody>('POST', `/api/flows/${id}/publish`, {});
    const versions = await editor().json<{ versions: unknown[] }>('GET', `/api/flows/${id}/versions`);
    return { id, res, versions: versions.body.versions.length };
  }
  const unreachable = (body: ErrorBody) =>
    (body.error.details?.problems ?? []).filter((p) => p.code === 'ai_provider_unreachable');

  it('publishes when the provider answers, and asks it only once while the answer is fresh', async () => {
    const before = fake.modelListings;
    const first = await publish(agentAndLlm('Local'));
    expect(first.res.status).toBe(201);
    // Two blocks, one provider: one question.
    expect(fake.modelListings).toBe(before + 1);
    expect((await editor().request('POST', `/api/flows/${first.id}/publish`, {})).status).toBe(201);
    expect(fake.modelListings).toBe(before + 1);
    now.ms += 61_000;
    expect((await editor().request('POST', `/api/flows/${first.id}/publish`, {})).status).toBe(201);
    expect(fake.modelListings).toBe(before + 2);
  });

  it('refuses a provider that turns the key down, with a problem per block in both languages', async () => {
    const { res, versions } = await publish(agentAndLlm('Chave errada'));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid_flow');
    const problems = unreachable(res.body);
    expect(problems.map((p) => [p.nodeId, p.field])).toEqual([
      ['agente', 'provider'],
      ['resumo', 'provider'],
    ]);
    expect(problems[0]!.messages['pt-BR']).toContain('o provedor de IA "Chave errada" recusou a chave (401)');
    expect(problems[0]!.messages.en).toContain('the AI provider "Chave errada" refused the key (401)');
    expect(versions).toBe(0);
  });

  it('refuses a menu that understands with AI through a provider nobody answers at', async () => {
    const { res, versions } = await publish(menu('Desligado'));
    expect(res.status).toBe(422);
    const [problem] = unreachable(res.body);
    expect(problem).toMatchObject({ nodeId: 'menu', field: 'ai.provider' });
    expect(problem!.messages['pt-BR']).toContain('"Desligado" não pôde ser alcançado (ECONNREFUSED)');
    expect(problem!.messages.en).toContain('"Desligado" could not be reached (ECONNREFUSED)');
    expect(versions).toBe(0);
  });

  it('refuses a provider that does not answer in time', async () => {
    const { res } = await publish(menu('Lento'));
    expect(res.status).toBe(422);
    const [problem] = unreachable(res.body);
    expect(problem!.messages['pt-BR']).toContain('"Lento" não respondeu em 0.3 s');
    expect(problem!.messages.en).toContain('"Lento" did not answer within 0.3 s');
  });

  it('publishes through a server that answers but has no /models', async () => {
    expect((await publish(menu('Sem lista'))).res.status).toBe(201);
  });

  it('does not remember a failure: once the key is fixed the same flow publishes', async () => {
    const { id, res } = await publish(menu('Chave errada'));
    expect(res.status).toBe(422);
    const admin = t.as('admin');
    const wrong = await t.testDb.db
      .selectFrom('ai_providers')
      .select('id')
      .where('name', '=', 'Chave errada')
      .executeTakeFirstOrThrow();
    const fixed = await admin.request('PATCH', `/api/settings/ai-providers/${wrong.id}`, { apiKey: 'sk-certa' });
    expect(fixed.status).toBe(200);
    expect((await editor().request('POST', `/api/flows/${id}/publish`, {})).status).toBe(201);
    await admin.request('PATCH', `/api/settings/ai-providers/${wrong.id}`, { apiKey: 'sk-errada' });
  });

  it('refuses an import asked to publish, creating nothing', async () => {
    const before = await editor().json<{ flows: unknown[] }>('GET', '/api/flows');
    const res = await editor().json<ErrorBody>('POST', '/api/flows/import', { flow: menu('Desligado'), publish: true });
    expect(res.status).toBe(422);
    expect(unreachable(res.body).map((p) => p.nodeId)).toEqual(['menu']);
    const after = await editor().json<{ flows: unknown[] }>('GET', '/api/flows');
    expect(after.body.flows.length).toBe(before.body.flows.length);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AiProvider, AiProviderTestResult, Settings } from '../../shared/api/settings.ts';
import { openAiCompatibleModel } from '../conversation/llm-model.ts';
import { readConfig } from '../env.ts';
import { testAiProvider } from '../settings/test-ai-provider.ts';
import { startFakeLlmApi, type FakeLlm } from '../testing/fake-llm-api.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { greetingFlow } from '../testing/test-flows.ts';

const apiKey = 'sk-settings-test-key-0123456789';
const answer = () => ({ reply: 'ok', score: 0, route: 'continue' as const, variables: {} });

describe('settings API', () => {
  let t: TestApp;
  let llm: FakeLlm;
  const admin = () => t.as('admin');
  const settings = async () => (await admin().json<{ settings: Settings }>('GET', '/api/settings')).body.settings;
  const addProvider = async (body: Record<string, unknown>) =>
    admin().json<{ provider: AiProvider }>('POST', '/api/settings/ai-providers', {
      name: 'Principal',
      baseUrl: llm.url,
      model: 'fake-model',
      ...body,
    });

  beforeAll(async () => {
    llm = await startFakeLlmApi(answer, { apiKey });
    t = await createTestApp({ config: readConfig({ DATA_DIR: '/nonexistent', PUBLIC_URL: 'https://fluxo.test' }) });
  });
  afterAll(async () => {
    await t.close();
    await llm.close();
  });
  beforeEach(async () => {
    await t.testDb.db.deleteFrom('ai_providers').execute();
    await t.testDb.db.deleteFrom('settings').execute();
  });

  it('answers the defaults before anything was saved', async () => {
    expect(await settings()).toEqual({
      timeZone: 'America/Sao_Paulo',
      retentionDays: null,
      language: 'pt-BR',
      aiProviders: [],
      environmentAiProvider: null,
      businessHours: expect.objectContaining({ mon: [{ start: '08:00', end: '18:00' }], sun: [] }),
      optOut: expect.objectContaining({ stopWords: ['PARAR', 'SAIR', 'CANCELAR', 'STOP'], startWords: ['VOLTAR'] }),
      pix: null,
    });
  });

  it('keeps a valid Pix key with the BR Code limits, and refuses an invalid one without changing anything', async () => {
    const pix = { key: '529.982.247-25', merchantName: 'Loja da Ana', merchantCity: 'Natal' };
    for (const bad of [
      { ...pix, key: '529.982.247-24' },
      { ...pix, merchantName: 'Um nome comprido demais para o Pix' },
      { ...pix, merchantCity: 'Cidade comprida demais' },
    ]) {
      expect((await admin().request('PATCH', '/api/settings', { pix: bad })).status).toBe(400);
    }
    expect((await settings()).pix).toBeNull();
    const saved = await admin().json<{ settings: Settings }>('PATCH', '/api/settings', { pix });
    expect(saved.body.settings.pix).toEqual({ ...pix, expiryMinutes: 60 });
    await admin().json('PATCH', '/api/settings', { pix: null });
    expect((await settings()).pix).toBeNull();
  });

  it('is for admins only', async () => {
    for (const role of ['editor', 'agent'] as const) {
      expect((await t.as(role).request('GET', '/api/settings')).status).toBe(403);
      expect((await t.as(role).request('PATCH', '/api/settings', { retentionDays: 30 })).status).toBe(403);
    }
    expect((await t.anonymous.request('GET', '/api/settings')).status).toBe(401);
    expect((await settings()).retentionDays).toBeNull();
  });

  it('changes only the fields sent, with PATCH and PUT alike, and audits the change', async () => {
    const first = await admin().json<{ settings: Settings }>('PATCH', '/api/settings', { timeZone: 'America/Manaus' });
    expect(first.status).toBe(200);
    expect(first.body.settings).toMatchObject({ timeZone: 'America/Manaus', retentionDays: null, language: 'pt-BR' });
    const second = await admin().json<{ settings: Settings }>('PUT', '/api/settings', {
      retentionDays: 90,
      language: 'en',
    });
    expect(second.body.settings).toMatchObject({ timeZone: 'America/Manaus', retentionDays: 90, language: 'en' });
    const cleared = await admin().json<{ settings: Settings }>('PATCH', '/api/settings', { retentionDays: null });
    expect(cleared.body.settings).toMatchObject({ timeZone: 'America/Manaus', retentionDays: null, language: 'en' });
    const audit = await t.testDb.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'settings.update')
      .execute();
    expect(audit.map((a) => a.details)).toEqual(
      expect.arrayContaining([{ changes: { retentionDays: 90, language: 'en' } }]),
    );
  });

  it('refuses an unknown time zone, bad business hours and too short a retention with a 400', async () => {
    const bad = [
      { timeZone: 'America/Atlantida' },
      { timeZone: 'Not a zone' },
      {
        businessHours: {
          mon: [{ start: '18:00', end: '08:00' }],
          tue: [],
          wed: [],
          thu: [],
          fri: [],
          sat: [],
          sun: [],
        },
      },
      {
        businessHours: {
          mon: [
            { start: '08:00', end: '12:00' },
            { start: '11:00', end: '14:00' },
          ],
          tue: [],
          wed: [],
          thu: [],
          fri: [],
          sat: [],
          sun: [],
        },
      },
      { businessHours: { mon: [{ start: '8h', end: '12:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } },
      { businessHours: { mon: [] } },
      { retentionDays: 3 },
      { retentionDays: 30.5 },
      { language: 'fr' },
    ];
    for (const body of bad) {
      const res = await admin().json<{ error: { code: string } }>('PATCH', '/api/settings', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
    expect(await settings()).toMatchObject({ timeZone: 'America/Sao_Paulo', retentionDays: null, language: 'pt-BR' });
  });

  it('stores business hours per weekday', async () => {
    const hours = {
      mon: [
        { start: '08:00', end: '12:00' },
        { start: '13:00', end: '18:00' },
      ],
      tue: [{ start: '09:00', end: '17:00' }],
      wed: [],
      thu: [],
      fri: [{ start: '00:00', end: '23:59' }],
      sat: [],
      sun: [],
    };
    expect((await admin().json('PATCH', '/api/settings', { businessHours: hours })).status).toBe(200);
    expect((await settings()).businessHours).toEqual(hours);
  });

  it('keeps a provider key write-only: stored encrypted, never returned, replaced or removed on request', async () => {
    const created = await addProvider({ apiKey });
    expect(created.status).toBe(201);
    // The first provider becomes the default even when not asked.
    expect(created.body.provider).toMatchObject({
      name: 'Principal',
      baseUrl: llm.url,
      model: 'fake-model',
      hasKey: true,
      isDefault: true,
    });
    expect(JSON.stringify(created.body)).not.toContain(apiKey);
    const listed = await admin().request('GET', '/api/settings');
    expect(await listed.text()).not.toContain(apiKey);
    const stored = await t.testDb.db.selectFrom('ai_providers').select('api_key_enc').executeTakeFirstOrThrow();
    expect(stored.api_key_enc).not.toContain(apiKey);
    expect(t.deps.secrets.open(stored.api_key_enc!)).toBe(apiKey);

    const id = created.body.provider.id;
    const renamed = await admin().json<{ provider: AiProvider }>('PATCH', `/api/settings/ai-providers/${id}`, {
      name: 'OpenAI',
    });
    expect(renamed.body.provider).toMatchObject({ name: 'OpenAI', hasKey: true });
    const unchanged = await t.testDb.db.selectFrom('ai_providers').select('api_key_enc').executeTakeFirstOrThrow();
    expect(unchanged.api_key_enc).toBe(stored.api_key_enc);
    const noKey = await admin().json<{ provider: AiProvider }>('PUT', `/api/settings/ai-providers/${id}`, {
      apiKey: null,
    });
    expect(noKey.body.provider).toMatchObject({ name: 'OpenAI', hasKey: false });

    const audit = await t.testDb.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('target_type', '=', 'ai_provider')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['ai_provider.create', 'ai_provider.update', 'ai_provider.update']);
    expect(JSON.stringify(audit)).not.toContain(apiKey);
  });

  it("stores a provider's vision flag and transcription model, off by default, changed alone by PATCH", async () => {
    const created = (await addProvider({ name: 'Visão' })).body.provider;
    expect(created).toMatchObject({ vision: false, transcriptionModel: '' });
    const patched = await admin().json<{ provider: AiProvider }>('PATCH', `/api/settings/ai-providers/${created.id}`, {
      vision: true,
      transcriptionModel: 'whisper-1',
    });
    expect(patched.status).toBe(200);
    expect(patched.body.provider).toMatchObject({
      name: 'Visão',
      model: 'fake-model',
      vision: true,
      transcriptionModel: 'whisper-1',
    });
    const bad = await admin().json('PATCH', `/api/settings/ai-providers/${created.id}`, { vision: 'sim' });
    expect(bad.status).toBe(400);
    expect((await admin().json('DELETE', `/api/settings/ai-providers/${created.id}`)).status).toBeLessThan(300);
  });

  it('keeps one default provider, moves it on request and after a delete', async () => {
    const a = (await addProvider({ name: 'A' })).body.provider;
    const b = (await addProvider({ name: 'B' })).body.provider;
    expect(b.isDefault).toBe(false);
    expect((await addProvider({ name: 'A' })).status).toBe(409);
    await admin().json('PATCH', `/api/settings/ai-providers/${b.id}`, { isDefault: true });
    const defaults = () => settings().then((s) => s.aiProviders.filter((p) => p.isDefault).map((p) => p.name));
    expect(await defaults()).toEqual(['B']);
    expect((await admin().request('DELETE', `/api/settings/ai-providers/${b.id}`)).status).toBe(204);
    expect(await defaults()).toEqual(['A']);
    expect((await admin().request('DELETE', `/api/settings/ai-providers/${b.id}`)).status).toBe(404);
    expect((await admin().request('PATCH', `/api/settings/ai-providers/${a.id}`, { baseUrl: 'ftp://x' })).status).toBe(
      400,
    );
  });

  it('"Testar" calls the provider: ok with the right key, the provider\'s 401 with a wrong one', async () => {
    const good = (await addProvider({ apiKey })).body.provider;
    const before = llm.calls;
    const ok = await admin().json<AiProviderTestResult>('POST', `/api/settings/ai-providers/${good.id}/test`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ok: true, error: null });
    expect(llm.calls).toBe(before + 1);

    const wrong = (await addProvider({ name: 'Errada', apiKey: 'sk-wrong-key' })).body.provider;
    const refused = await admin().json<AiProviderTestResult>('POST', `/api/settings/ai-providers/${wrong.id}/test`);
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ ok: false, error: { status: 401, message: 'Incorrect API key provided.' } });

    const audit = await t.testDb.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'ai_provider.test')
      .execute();
    expect(audit.map((a) => a.details)).toEqual([{ ok: true }, { ok: false, status: 401 }]);
    expect((await admin().request('POST', '/api/settings/ai-providers/no-such/test')).status).toBe(404);
  });

  it('"Testar" says so when nothing answers at the address', async () => {
    const dead = (await addProvider({ baseUrl: 'http://127.0.0.1:9/v1' })).body.provider;
    const res = await admin().json<AiProviderTestResult>('POST', `/api/settings/ai-providers/${dead.id}/test`);
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    expect(res.body.error).toMatchObject({ status: null, message: expect.stringMatching(/connect|fetch/i) });
  });

  it('editors read the provider names and models for the AI blocks, nothing secret, the default first', async () => {
    await addProvider({ name: 'Groq', model: 'llama-3.3-70b', apiKey });
    await addProvider({ name: 'OpenAI', model: 'gpt-4o-mini', apiKey, isDefault: true });
    const res = await t
      .as('editor')
      .json<{ providers: unknown[]; environmentModel: string | null }>('GET', '/api/ai-providers');
    expect(res.status).toBe(200);
    expect(res.body.providers).toEqual([
      { name: 'OpenAI', model: 'gpt-4o-mini', isDefault: true },
      { name: 'Groq', model: 'llama-3.3-70b', isDefault: false },
    ]);
    expect(JSON.stringify(res.body)).not.toContain(apiKey);
    expect(JSON.stringify(res.body)).not.toContain(llm.url);
    expect((await t.as('agent').request('GET', '/api/ai-providers')).status).toBe(403);
  });

  it('publishing an agent that names a provider Configurações does not have is refused with the problem', async () => {
    await addProvider({ name: 'OpenAI', apiKey, isDefault: true });
    const agentFlow = (provider: string) => ({
      name: 'Agente',
      nodes: [
        { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
        {
          id: 'ia',
          type: 'agent',
          position: { x: 0, y: 150 },
          data: { instructions: 'Atenda.', tools: ['end'], provider },
        },
        { id: 'fim', type: 'end', position: { x: 0, y: 300 }, data: {} },
      ],
      edges: [
        { id: 'e1', source: 'start', sourceHandle: 'next', target: 'ia' },
        { id: 'e2', source: 'ia', sourceHandle: 'done', target: 'fim' },
        { id: 'e3', source: 'ia', sourceHandle: 'escalate', target: 'fim' },
        { id: 'e4', source: 'ia', sourceHandle: 'error', target: 'fim' },
      ],
    });
    const editor = t.as('editor');
    const created = await editor.json<{ flow: { id: string } }>('POST', '/api/flows/import', agentFlow('Groq'));
    expect(created.status).toBe(201);
    const id = created.body.flow.id;
    const refused = await editor.json<{ error: { code: string; message: string; details?: unknown } }>(
      'POST',
      `/api/flows/${id}/publish`,
      {},
    );
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain('agent_unknown_provider');
    expect(JSON.stringify(refused.body)).toContain('Groq');
    // Picking a provider that exists (or the default) publishes.
    const saved = await editor.request('PUT', `/api/flows/${id}`, { draft: agentFlow('OpenAI'), revision: 1 });
    expect(saved.status).toBe(200);
    expect((await editor.request('POST', `/api/flows/${id}/publish`, {})).status).toBe(201);
  });

  it('flow validation learns that AI is configured once a provider is stored', async () => {
    const env = () => t.as('editor').json<{ environment: { aiConfigured: boolean } }>('GET', '/api/flow-environment');
    expect((await env()).body.environment.aiConfigured).toBe(false);
    await addProvider({ apiKey });
    expect((await env()).body.environment.aiConfigured).toBe(true);
  });
});

describe('the time zone in conversations', () => {
  // 23:30 in São Paulo is already the next day in Tokyo.
  const clock = { now: () => new Date('2026-12-07T02:30:00Z') };
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock });
  });
  afterAll(() => t.close());

  it('prints {{today}} in the zone of the settings, in the simulator', async () => {
    const admin = t.as('admin');
    const flow = await admin.json<{ flow: { id: string } }>(
      'POST',
      '/api/flows/import',
      greetingFlow('Hoje é {{today}}', { name: 'Data' }),
    );
    const today = async () =>
      JSON.stringify(
        (await admin.json<{ messages: unknown[] }>('POST', `/api/flows/${flow.body.flow.id}/simulate`, { text: 'oi' }))
          .body.messages,
      );
    expect(await today()).toContain('Hoje é 06/12/2026');
    await admin.json('PATCH', '/api/settings', { timeZone: 'Asia/Tokyo' });
    expect(await today()).toContain('Hoje é 07/12/2026');
  });
});

describe('testAiProvider', () => {
  it('gives up on a provider that does not answer in time', async () => {
    const slow = await startFakeLlmApi(answer, { delayMs: 5_000 });
    try {
      const result = await testAiProvider(
        openAiCompatibleModel({ baseUrl: slow.url, apiKey: undefined, model: 'm' }),
        300,
      );
      expect(result.ok).toBe(false);
      expect(result.error).toEqual({ status: null, message: 'O provedor não respondeu em 0.3 s.' });
      expect(result.durationMs).toBeLessThan(3_000);
    } finally {
      await slow.close();
    }
  });
});

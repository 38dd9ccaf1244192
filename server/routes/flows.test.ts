import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { greetingFlow } from '../testing/test-flows.ts';

type Flow = {
  id: string;
  name: string;
  revision: number;
  publishedVersion: number | null;
  draft: FlowDocumentInput & { nodes: { id: string; data: Record<string, unknown> }[] };
};
type ErrorBody = {
  error: { code: string; message: string; details?: { problems?: { code: string; nodeId?: string }[] } };
};

const validFlow = (text?: string) => greetingFlow(text, { keywords: ['oi'] });

describe('flows API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const editor = () => t.as('editor');

  async function create(flow: FlowDocumentInput = validFlow()): Promise<Flow> {
    const res = await editor().json<{ flow: Flow }>('POST', '/api/flows', { name: flow.name, flow });
    expect(res.status).toBe(201);
    return res.body.flow;
  }

  it('creates a blank flow with a start node at revision 1', async () => {
    const res = await editor().json<{ flow: Flow }>('POST', '/api/flows', { name: 'Meu bot' });
    expect(res.status).toBe(201);
    expect(res.body.flow).toMatchObject({ name: 'Meu bot', revision: 1, publishedVersion: null });
    expect(res.body.flow.draft.nodes.map((n) => n.id)).toEqual(['start']);
    const list = await editor().json<{ flows: { id: string; nodeCount: number }[] }>('GET', '/api/flows');
    expect(list.body.flows).toContainEqual(expect.objectContaining({ id: res.body.flow.id, nodeCount: 1 }));
  });

  it('creates a flow from a starter template, and refuses an unknown template', async () => {
    const templates = await editor().json<{ templates: { id: string; nodeCount: number }[] }>('GET', '/api/templates');
    expect(templates.body.templates.map((x) => x.id)).toEqual(
      expect.arrayContaining(['imobiliaria', 'pedidos', 'atendimento-ia', 'cobranca']),
    );
    const res = await editor().json<{ flow: Flow }>('POST', '/api/flows', {
      name: 'Imobiliária Natal',
      templateId: 'imobiliaria',
    });
    expect(res.status).toBe(201);
    expect(res.body.flow.draft.nodes.length).toBe(
      templates.body.templates.find((x) => x.id === 'imobiliaria')?.nodeCount,
    );
    const bad = await editor().json<ErrorBody>('POST', '/api/flows', { name: 'x', templateId: 'nope' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('unknown_template');
  });

  it('saves drafts with the revision and answers 409 to a stale one, changing nothing', async () => {
    const flow = await create();
    const changed = validFlow('Oi de novo');
    const first = await editor().json<{ flow: Flow }>('PUT', `/api/flows/${flow.id}`, { draft: changed, revision: 1 });
    expect(first.status).toBe(200);
    expect(first.body.flow.revision).toBe(2);
    const stale = await editor().json<ErrorBody & { error: { details: { revision: number } } }>(
      'PUT',
      `/api/flows/${flow.id}`,
      { draft: validFlow('Perdido'), revision: 1 },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'conflict', details: { revision: 2 } });
    const now = await editor().json<{ flow: Flow }>('GET', `/api/flows/${flow.id}`);
    expect((now.body.flow.draft.nodes.find((n) => n.id === 'hello')?.data as { text?: string }).text).toBe(
      'Oi de novo',
    );
  });

  it('keeps the size the studio drew each node at, and refuses a size that cannot be one', async () => {
    const flow = await create();
    const sized = validFlow();
    sized.nodes = sized.nodes.map((n, i) => ({ ...n, measured: { width: 264, height: 80 + i } }));
    const saved = await editor().json<{ flow: Flow & { draft: { nodes: { measured?: unknown }[] } } }>(
      'PUT',
      `/api/flows/${flow.id}`,
      { draft: sized, revision: 1 },
    );
    expect(saved.status).toBe(200);
    expect(saved.body.flow.draft.nodes.map((n) => n.measured)).toEqual(sized.nodes.map((n) => n.measured));
    for (const measured of [{ width: 264, height: -1 }, { width: 264 }, { width: 1e9, height: 10 }]) {
      const bad = validFlow('Tamanho errado');
      bad.nodes = bad.nodes.map((n) => ({ ...n, measured }) as typeof n);
      const res = await editor().json<ErrorBody>('PUT', `/api/flows/${flow.id}`, { draft: bad, revision: 2 });
      expect(res.status).toBe(400);
    }
    const now = await editor().json<{ flow: Flow }>('GET', `/api/flows/${flow.id}`);
    expect(now.body.flow.revision).toBe(2);
  });

  it('concurrent saves of the same revision: exactly one wins', async () => {
    const flow = await create();
    const results = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        editor().request('PUT', `/api/flows/${flow.id}`, { draft: validFlow(`v${i}`), revision: 1 }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
  });

  it.each([
    ['a draft with a wrong type', { draft: { ...validFlow(), nodes: 'nope' }, revision: 1 }, /nodes/],
    [
      'an unknown node type',
      {
        draft: { ...validFlow(), nodes: [{ id: 'x', type: 'teleport', position: { x: 0, y: 0 }, data: {} }] },
        revision: 1,
      },
      /nodes\.0/,
    ],
    ['a missing revision', { draft: validFlow() }, /revision/],
  ])('rejects %s with a 400 naming the field', async (_, body, field) => {
    const flow = await create();
    const res = await editor().json<ErrorBody>('PUT', `/api/flows/${flow.id}`, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.message).toMatch(field);
    const after = await editor().json<{ flow: Flow }>('GET', `/api/flows/${flow.id}`);
    expect(after.body.flow.revision).toBe(1);
  });

  it('answers 404 for unknown flow ids on every route', async () => {
    for (const [method, path, body] of [
      ['GET', '/api/flows/nope', undefined],
      ['PUT', '/api/flows/nope', { draft: validFlow(), revision: 1 }],
      ['DELETE', '/api/flows/nope', undefined],
      ['POST', '/api/flows/nope/publish', {}],
      ['GET', '/api/flows/nope/versions', undefined],
      ['GET', '/api/flows/nope/export', undefined],
      ['POST', '/api/flows/nope/validate', undefined],
      ['POST', '/api/flows/nope/versions/1/publish', undefined],
    ] as const) {
      const res = await editor().json<ErrorBody>(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
  });

  it('validates the draft and refuses to publish an invalid one (422 with the problems, no version)', async () => {
    const broken = validFlow();
    broken.edges = [];
    const flow = await create(broken);
    const validation = await editor().json<{ ok: boolean; problems: { code: string; nodeId?: string }[] }>(
      'POST',
      `/api/flows/${flow.id}/validate`,
    );
    expect(validation.body.ok).toBe(false);
    expect(validation.body.problems.length).toBeGreaterThan(0);
    const res = await editor().json<ErrorBody>('POST', `/api/flows/${flow.id}/publish`, { note: 'tentativa' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid_flow');
    expect(res.body.error.details?.problems?.length).toBeGreaterThan(0);
    const versions = await editor().json<{ versions: unknown[] }>('GET', `/api/flows/${flow.id}/versions`);
    expect(versions.body.versions).toEqual([]);
  });

  it('publishes immutable numbered versions and rolls back by re-publishing an old one', async () => {
    const flow = await create();
    const v1 = await editor().json<{ version: { version: number; note: string; current: boolean; nodeCount: number } }>(
      'POST',
      `/api/flows/${flow.id}/publish`,
      { note: 'primeira' },
    );
    expect(v1.status).toBe(201);
    expect(v1.body.version).toMatchObject({ version: 1, note: 'primeira', current: true, nodeCount: 3 });

    await editor().json('PUT', `/api/flows/${flow.id}`, { draft: validFlow('Segunda versão'), revision: 1 });
    const v2 = await editor().json<{ version: { version: number } }>('POST', `/api/flows/${flow.id}/publish`, {
      note: 'segunda',
    });
    expect(v2.body.version.version).toBe(2);

    const history = await editor().json<{
      versions: { version: number; current: boolean; author: { name: string } | null }[];
    }>('GET', `/api/flows/${flow.id}/versions`);
    expect(history.body.versions.map((v) => [v.version, v.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(history.body.versions[0]?.author?.name).toBe('Owner');

    const rollback = await editor().json<{ version: { version: number; current: boolean } }>(
      'POST',
      `/api/flows/${flow.id}/versions/1/publish`,
    );
    expect(rollback.status).toBe(200);
    expect(rollback.body.version).toMatchObject({ version: 1, current: true });
    const after = await editor().json<{ flow: Flow }>('GET', `/api/flows/${flow.id}`);
    expect(after.body.flow.publishedVersion).toBe(1);

    // Version 1 still holds what was published then, whatever the draft says now.
    const stored = await t.testDb.db
      .selectFrom('flow_versions')
      .select('graph')
      .where('flow_id', '=', flow.id)
      .where('version', '=', 1)
      .executeTakeFirstOrThrow();
    const hello = (stored.graph as { nodes: { id: string; data: { text: string } }[] }).nodes.find(
      (n) => n.id === 'hello',
    );
    expect(hello?.data.text).toBe('Olá, {{contact.name}}!');
    expect((await editor().request('POST', `/api/flows/${flow.id}/versions/9/publish`)).status).toBe(404);
  });

  it('round-trips export → import → export to an identical graph', async () => {
    const created = await editor().json<{ flow: Flow }>('POST', '/api/flows', {
      name: 'Pedidos',
      templateId: 'pedidos',
    });
    const exported = await editor().request('GET', `/api/flows/${created.body.flow.id}/export`);
    expect(exported.headers.get('content-disposition')).toContain('pedidos.flow.json');
    const first = await exported.json();
    const imported = await editor().json<{ flow: Flow }>('POST', '/api/flows/import', first);
    expect(imported.status).toBe(201);
    expect(imported.body.flow.id).not.toBe(created.body.flow.id);
    const again = await (await editor().request('GET', `/api/flows/${imported.body.flow.id}/export`)).json();
    expect(again).toEqual(first);
  });

  it('imports and publishes in one go, or refuses an invalid flow without creating it', async () => {
    const ok = await editor().json<{ flow: Flow }>('POST', '/api/flows/import', { flow: validFlow(), publish: true });
    expect(ok.status).toBe(201);
    expect(ok.body.flow.publishedVersion).toBe(1);

    const before = (await editor().json<{ flows: unknown[] }>('GET', '/api/flows')).body.flows.length;
    const broken = { ...validFlow(), edges: [] };
    const refused = await editor().json<ErrorBody>('POST', '/api/flows/import', { flow: broken, publish: true });
    expect(refused.status).toBe(422);
    const notJson = await editor().request('POST', '/api/flows/import', '{"nodes": [');
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as ErrorBody).error.code).toBe('bad_json');
    const wrongShape = await editor().json<ErrorBody>('POST', '/api/flows/import', { name: 'sem nós' });
    expect(wrongShape.status).toBe(400);
    expect((await editor().json<{ flows: unknown[] }>('GET', '/api/flows')).body.flows.length).toBe(before);
  });

  it('deletes a flow', async () => {
    const flow = await create();
    expect((await editor().request('DELETE', `/api/flows/${flow.id}`)).status).toBe(204);
    expect((await editor().request('GET', `/api/flows/${flow.id}`)).status).toBe(404);
  });

  it('serves an OpenAPI document generated from the route schemas', async () => {
    const res = await t.anonymous.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      'GET',
      '/api/openapi.json',
    );
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/flows',
        '/flows/{id}',
        '/flows/{id}/publish',
        '/flows/{id}/versions/{v}/publish',
        '/flows/import',
        '/channels',
        '/products',
        '/auth/login',
      ]),
    );
    expect(res.body.paths['/flows/{id}']?.put).toBeDefined();
  });
});

describe('import errors', () => {
  it('names the field that is wrong in an imported flow', async () => {
    const t = await createTestApp();
    try {
      const res = await t.as('editor').json<{ error: { message: string } }>('POST', '/api/flows/import', {
        name: 'x',
        nodes: [{ id: 'a', type: 'menu', position: { x: 0, y: 0 }, data: { options: 'nope' } }],
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/flow\.nodes\.0\.data/);
    } finally {
      await t.close();
    }
  });
});

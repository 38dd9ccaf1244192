import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { greetingFlow } from '../testing/test-flows.ts';

type Flow = {
  id: string;
  name: string;
  revision: number;
  draft: { name: string; nodes: { id: string; data: Record<string, unknown> }[] };
};
type ErrorBody = { error: { code: string; message: string } };

/** Looking at a published version and copying it back into the draft. */
describe('flow versions: view and restore into the draft', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** A flow published once with "Olá!", whose draft then says "Oi, mudou!" (revision 2) under a new name. */
  async function publishedThenEdited(): Promise<Flow> {
    const editor = t.as('editor');
    const created = (
      await editor.json<{ flow: Flow }>('POST', '/api/flows', { name: 'Boas-vindas', flow: greetingFlow('Olá!') })
    ).body.flow;
    expect((await editor.json('POST', `/api/flows/${created.id}/publish`, { note: 'primeira' })).status).toBe(201);
    const saved = await editor.json<{ flow: Flow }>('PUT', `/api/flows/${created.id}`, {
      draft: { ...greetingFlow('Oi, mudou!'), name: 'Boas-vindas 2' },
      revision: created.revision,
    });
    expect(saved.status).toBe(200);
    return saved.body.flow;
  }

  it('gives a published version with its graph', async () => {
    const flow = await publishedThenEdited();
    const res = await t
      .as('editor')
      .json<{ version: { version: number; current: boolean; note: string }; graph: Flow['draft'] }>(
        'GET',
        `/api/flows/${flow.id}/versions/1`,
      );
    expect(res.status).toBe(200);
    expect(res.body.version).toMatchObject({ version: 1, current: true, note: 'primeira' });
    expect(res.body.graph.nodes.find((n) => n.id === 'hello')?.data.text).toBe('Olá!');
    const missing = await t.as('editor').json<ErrorBody>('GET', `/api/flows/${flow.id}/versions/9`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });

  for (const role of ['admin', 'editor'] as const) {
    it(`lets ${role === 'admin' ? 'an admin' : 'an editor'} copy a version into the draft, keeping the name, audited`, async () => {
      const flow = await publishedThenEdited();
      const res = await t
        .as(role)
        .json<{ flow: Flow }>('POST', `/api/flows/${flow.id}/versions/1/restore`, { revision: flow.revision });
      expect(res.status).toBe(200);
      expect(res.body.flow.revision).toBe(flow.revision + 1);
      expect(res.body.flow.draft.nodes.find((n) => n.id === 'hello')?.data.text).toBe('Olá!');
      expect(res.body.flow.name).toBe('Boas-vindas 2');
      const again = await t.as(role).json<{ flow: Flow }>('GET', `/api/flows/${flow.id}`);
      expect(again.body.flow.draft.nodes.find((n) => n.id === 'hello')?.data.text).toBe('Olá!');
      const audit = await t.testDb.db
        .selectFrom('audit_log')
        .select(['action', 'details'])
        .where('target_id', '=', flow.id)
        .where('action', '=', 'flow.restore')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]?.details).toEqual({ version: 1 });
    });
  }

  it('refuses an agent, leaving the draft as it was', async () => {
    const flow = await publishedThenEdited();
    const res = await t
      .as('agent')
      .json<ErrorBody>('POST', `/api/flows/${flow.id}/versions/1/restore`, { revision: flow.revision });
    expect(res.status).toBe(403);
    const after = await t.as('editor').json<{ flow: Flow }>('GET', `/api/flows/${flow.id}`);
    expect(after.body.flow.revision).toBe(flow.revision);
  });

  it('refuses a stale revision with a 409 and changes nothing', async () => {
    const flow = await publishedThenEdited();
    const res = await t
      .as('editor')
      .json<ErrorBody & { error: { details?: { revision: number } } }>(
        'POST',
        `/api/flows/${flow.id}/versions/1/restore`,
        { revision: flow.revision - 1 },
      );
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'conflict', details: { revision: flow.revision } });
    const after = await t.as('editor').json<{ flow: Flow }>('GET', `/api/flows/${flow.id}`);
    expect(after.body.flow.draft.nodes.find((n) => n.id === 'hello')?.data.text).toBe('Oi, mudou!');
    const audit = await t.testDb.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', flow.id)
      .where('action', '=', 'flow.restore')
      .execute();
    expect(audit).toEqual([]);
  });

  it('answers 404 for an unknown version or flow and 400 without a revision', async () => {
    const flow = await publishedThenEdited();
    expect(
      (await t.as('editor').json('POST', `/api/flows/${flow.id}/versions/7/restore`, { revision: flow.revision }))
        .status,
    ).toBe(404);
    expect((await t.as('editor').json('POST', '/api/flows/nope/versions/1/restore', { revision: 1 })).status).toBe(404);
    const bad = await t.as('editor').json<ErrorBody>('POST', `/api/flows/${flow.id}/versions/1/restore`, {});
    expect(bad.status).toBe(400);
  });
});

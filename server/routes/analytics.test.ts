import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsResponse } from '../../shared/api/analytics.ts';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

const dayMs = 24 * 60 * 60 * 1000;

/** start → ask → end, plus a handoff and a go-to another flow (reached by other versions of the story). */
function doc(otherFlowId: string): FlowDocumentInput {
  return {
    name: 'Pesquisa',
    variables: [{ name: 'nome', type: 'string' }],
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      { id: 'ask', type: 'question', position: { x: 0, y: 120 }, data: { text: 'Seu nome?', variable: 'nome' } },
      {
        id: 'human',
        type: 'handoff',
        position: { x: 200, y: 240 },
        data: { team: 'vendas', message: 'Um momento.', note: '' },
      },
      {
        id: 'other',
        type: 'goto',
        position: { x: 400, y: 240 },
        data: { target: { kind: 'flow', flowId: otherFlowId } },
      },
      { id: 'bye', type: 'end', position: { x: 0, y: 240 }, data: { message: 'Obrigado!' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'ask' },
      { id: 'e2', source: 'ask', sourceHandle: 'next', target: 'bye' },
    ],
  };
}

describe('flow analytics API', () => {
  let t: TestApp;
  let flowId: string;
  let versionId: string;
  const editor = () => t.as('editor');
  const get = (query = '') =>
    editor().json<AnalyticsResponse & { error?: { code: string; message: string } }>(
      'GET',
      `/api/flows/${flowId}/analytics${query}`,
    );

  /** What the engine writes as a conversation walks the flow: enter/exit per block. */
  async function walk(session: string, steps: [node: string, kind: 'enter' | 'exit'][], daysAgo = 0) {
    await t.testDb.db
      .insertInto('analytics_events')
      .values(
        steps.map(([node, kind]) => ({
          flow_id: flowId,
          flow_version_id: versionId,
          node_id: node,
          session_id: session,
          contact_id: null,
          kind,
          output: kind === 'exit' ? 'next' : null,
          created_at: new Date(Date.now() - daysAgo * dayMs),
        })),
      )
      .execute();
  }

  beforeAll(async () => {
    t = await createTestApp();
    const created = await editor().json<{ flow: { id: string } }>('POST', '/api/flows', { name: 'Pesquisa' });
    flowId = created.body.flow.id;
    // Stored as published; whether it would pass validation is not what is counted here.
    versionId = 'v1-of-pesquisa';
    await t.testDb.db
      .insertInto('flow_versions')
      .values({ id: versionId, flow_id: flowId, version: 1, graph: JSON.stringify(doc('outro-fluxo')) })
      .execute();
    await walk('finished', [
      ['start', 'enter'],
      ['start', 'exit'],
      ['ask', 'enter'],
      ['ask', 'exit'],
      ['bye', 'enter'],
    ]);
    await walk('quit', [
      ['start', 'enter'],
      ['start', 'exit'],
      ['ask', 'enter'],
    ]);
    await walk('handed', [
      ['start', 'enter'],
      ['start', 'exit'],
      ['human', 'enter'],
    ]);
    await walk('moved', [
      ['start', 'enter'],
      ['start', 'exit'],
      ['other', 'enter'],
    ]);
    await walk(
      'long-ago',
      [
        ['start', 'enter'],
        ['start', 'exit'],
        ['ask', 'enter'],
      ],
      45,
    );
  });
  afterAll(() => t.close());

  it('counts an end block and a go-to another flow as completions, a handoff as with an agent, not as drop-offs', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.body.nodes.bye).toEqual({ entries: 1, exits: 0, dropOff: 0, completions: 1, withAgent: 0 });
    expect(res.body.nodes.other).toEqual({ entries: 1, exits: 0, dropOff: 0, completions: 1, withAgent: 0 });
    expect(res.body.nodes.human).toEqual({ entries: 1, exits: 0, dropOff: 0, completions: 0, withAgent: 1 });
    expect(res.body.nodes.ask).toEqual({ entries: 3, exits: 1, dropOff: 2, completions: 0, withAgent: 0 });
    expect(res.body.nodes.start).toMatchObject({ entries: 5, exits: 5, dropOff: 0 });
    expect(res.body.period).toEqual({ from: null, to: null });
  });

  it('counts only the period asked for: the last 7/30/90 days or from/to', async () => {
    const month = await get('?days=30');
    expect(month.status).toBe(200);
    expect(month.body.nodes.ask).toMatchObject({ entries: 2, dropOff: 1 });
    expect(month.body.nodes.start?.entries).toBe(4);
    expect(month.body.versions).toEqual([{ version: 1, sessions: 4, entries: 9 }]);
    expect(Date.now() - Date.parse(month.body.period.from!)).toBeGreaterThanOrEqual(30 * dayMs);
    expect((await get('?days=90')).body.nodes.ask?.entries).toBe(3);

    const from = new Date(Date.now() - 50 * dayMs).toISOString();
    const to = new Date(Date.now() - 40 * dayMs).toISOString();
    const window = await get(`?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(window.body.period).toEqual({ from, to });
    expect(Object.keys(window.body.nodes).sort()).toEqual(['ask', 'start']);
    expect(window.body.nodes.ask).toMatchObject({ entries: 1, dropOff: 1 });
  });

  it('refuses a period it cannot read with a 400', async () => {
    for (const query of [
      '?days=5',
      '?days=30&from=2026-01-01T00:00:00Z',
      '?from=ontem',
      '?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z',
    ]) {
      const res = await get(query);
      expect(res.status, query).toBe(400);
      expect(res.body.error?.code, query).toBe('invalid_request');
    }
  });

  it('documents the period in the OpenAPI document', async () => {
    const doc = await editor().json<{ paths: Record<string, { get?: { parameters?: { name: string }[] } }> }>(
      'GET',
      '/api/openapi.json',
    );
    const names = doc.body.paths['/flows/{id}/analytics']?.get?.parameters?.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['days', 'from', 'to', 'version']));
  });
});

import { describe, expect, it } from 'vitest';
import { buildFlow, node } from '../testing/build-flow.ts';
import { summarize } from '../testing/problem-summary.ts';
import { validateFlow } from './index.ts';

/** A node the schema should reject, typed as a valid one so it fits in `buildFlow`. */
const raw = (id: string, type: string, data: Record<string, unknown>) =>
  ({ id, type, position: { x: 0, y: 0 }, data }) as unknown as ReturnType<typeof node>;

describe('schema problems', () => {
  it.each([
    ['not an object', 'oops', [{ code: 'not_a_flow', severity: 'error' }]],
    ['an object without nodes', { name: 'x' }, [{ code: 'field_required', severity: 'error', field: 'nodes' }]],
    [
      'every issue of a menu, by node id and field inside data',
      buildFlow(
        [
          node('s', 'start', {}),
          raw('m', 'menu', {
            text: '',
            options: [
              { id: 'a', title: 'A' },
              { id: 'b', title: 'B' },
              { id: 'c', title: '' },
            ],
          }),
        ],
        ['s > m'],
      ),
      [
        { code: 'field_required', severity: 'error', nodeId: 'm', field: 'text' },
        { code: 'field_required', severity: 'error', nodeId: 'm', field: 'options.2.title' },
      ],
    ],
    [
      'an unknown node type',
      buildFlow([node('s', 'start', {}), raw('x', 'teleport', {})], ['s > x']),
      [{ code: 'unknown_node_type', severity: 'error', nodeId: 'x', field: 'type' }],
    ],
    [
      'a bad variable name and a number out of range',
      buildFlow(
        [node('s', 'start', {}), raw('q', 'question', { text: 'Idade?', variable: '1idade', retries: 99 })],
        ['s > q'],
      ),
      [
        { code: 'invalid_variable_name', severity: 'error', nodeId: 'q', field: 'variable' },
        { code: 'number_too_big', severity: 'error', nodeId: 'q', field: 'retries' },
      ],
    ],
    [
      'a bad choice and a missing field on an edge',
      {
        name: 'x',
        nodes: [raw('s', 'start', {}), raw('h', 'http', { url: 'https://x.test', method: 'FETCH' })],
        edges: [{ id: 'e1', source: 's' }],
      },
      [
        { code: 'invalid_choice', severity: 'error', nodeId: 'h', field: 'method' },
        { code: 'field_required', severity: 'error', edgeId: 'e1', field: 'target' },
      ],
    ],
  ])('%s', (_, input, expected) => {
    const result = validateFlow(input);
    expect(result.ok).toBe(false);
    expect(result.flow).toBeUndefined();
    // Graph rules run too; here only the schema's own problems are asserted.
    const schemaCodes = new Set(expected.map((e) => e.code));
    expect(summarize(result.problems).filter((p) => schemaCodes.has(p.code))).toEqual(expected);
  });

  it('speaks to a business user, in both languages', () => {
    const flow = buildFlow(
      [node('s', 'start', {}), raw('m', 'menu', { text: 'Oi', options: [{ id: 'a', title: '' }] })],
      ['s > m'],
    );
    const [problem] = validateFlow(flow).problems;
    expect(problem?.message).toBe('O menu "Oi": preencha o campo "opção 1 › título".');
    expect(problem?.messages.en).toBe('The menu "Oi": fill in "option 1 › title".');
  });

  it('keeps running the graph rules on the nodes that did parse', () => {
    const flow = buildFlow(
      [
        node('s', 'start', {}),
        raw('m', 'menu', { text: '', options: [{ id: 'a', title: 'A' }] }),
        node('lost', 'end', {}),
        node('e', 'end', {}),
      ],
      ['s > m', 'm.opt-a > e'],
    );
    const problems = summarize(validateFlow(flow).problems);
    expect(problems).toEqual([
      { code: 'field_required', severity: 'error', nodeId: 'm', field: 'text' },
      // `e` is reached through the broken menu: no false alarm about it or the menu's edge.
      { code: 'node_unreachable', severity: 'error', nodeId: 'lost' },
    ]);
  });
});

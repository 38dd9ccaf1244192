import { describe, expect, it } from 'vitest';
import { buildFlow, edge, node } from '../testing/build-flow.ts';
import { summarize } from '../testing/problem-summary.ts';
import { validateFlow } from './index.ts';

const start = node('s', 'start', {});
const msg = node('m', 'message', { text: 'oi' });
const end = node('e', 'end', {});
const note = node('n', 'note', { text: 'lembrete' });
const ask = node('q', 'question', { text: 'Nome?', variable: 'nome' });

describe('edge connections', () => {
  it.each([
    ['a clean chain with a loose note', buildFlow([start, msg, end, note], ['s > m', 'm > e']), []],
    [
      'edge to a missing node',
      buildFlow([start, msg, end], ['s > m', 'm > e', edge('m > ghost', 'x')]),
      [{ code: 'edge_dangling', severity: 'error', edgeId: 'x', field: 'target' }],
    ],
    [
      'edge from a missing node',
      buildFlow([start, msg, end], ['s > m', 'm > e', edge('ghost > e', 'x')]),
      [{ code: 'edge_dangling', severity: 'error', edgeId: 'x', field: 'source' }],
    ],
    [
      'edge from an output the node does not have',
      buildFlow([start, msg, end], ['s > m', 'm > e', edge('m.opt-1 > e', 'x')]),
      [{ code: 'edge_unknown_output', severity: 'error', edgeId: 'x', nodeId: 'm', field: 'sourceHandle' }],
    ],
    [
      'two edges from one output: only the second is wrong',
      buildFlow([start, msg, end, node('e2', 'end', {})], ['s > m', 'm > e', edge('m > e2', 'x')]),
      [{ code: 'edge_output_taken', severity: 'error', edgeId: 'x', nodeId: 'm', field: 'sourceHandle' }],
    ],
    [
      'edge into start',
      buildFlow([start, ask, end], ['s > q', 'q > e', edge('q.invalid > s', 'x')]),
      [{ code: 'edge_into_start', severity: 'error', edgeId: 'x', nodeId: 'q', field: 'target' }],
    ],
    [
      'edge into a note',
      buildFlow([start, msg, end, note], ['s > m', 'm > e', edge('s > n', 'x')]),
      [{ code: 'edge_note', severity: 'error', edgeId: 'x', nodeId: 's', field: 'target' }],
    ],
    [
      'edge out of a note',
      buildFlow([start, msg, end, note], ['s > m', 'm > e', edge('n > e', 'x')]),
      [{ code: 'edge_note', severity: 'error', edgeId: 'x', nodeId: 'n', field: 'source' }],
    ],
  ])('%s', (_, flow, expected) => {
    expect(summarize(validateFlow(flow).problems)).toEqual(expected);
  });

  it('reports a node connected to itself', () => {
    const flow = buildFlow([start, ask, end], ['s > q', 'q > e', edge('q.invalid > q', 'x')]);
    const problems = validateFlow(flow).problems;
    expect(summarize(problems)).toEqual([
      { code: 'edge_self_loop', severity: 'error', edgeId: 'x', nodeId: 'q', field: 'target' },
    ]);
    expect(problems[0]?.message).toBe('A pergunta "Nome?" tem uma ligação para si mesmo na saída "Resposta inválida".');
  });

  it('names a menu output by its option title', () => {
    const menu = node('menu', 'menu', { text: 'Escolha', options: [{ id: 'a', title: 'Comprar' }] });
    const flow = buildFlow(
      [start, menu, end, node('e2', 'end', {})],
      ['s > menu', 'menu.opt-a > e', edge('menu.opt-a > e2', 'x'), 'menu.invalid > e'],
    );
    const [problem] = validateFlow(flow).problems;
    expect(problem?.messages.en).toBe(
      'The menu "Escolha": the "Comprar" output is connected more than once; each output leads to one block.',
    );
  });
});

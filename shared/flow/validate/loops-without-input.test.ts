import { describe, expect, it } from 'vitest';
import { buildFlow, node } from '../testing/build-flow.ts';
import { summarize } from '../testing/problem-summary.ts';
import { validateFlow } from './index.ts';

const start = node('s', 'start', {});
const say = (id: string) => node(id, 'message', { text: 'oi' });
const jump = (id: string, to: string) => node(id, 'goto', { target: { kind: 'node', nodeId: to } });
const ask = node('q', 'question', { text: 'Nome?', variable: 'nome' });

describe('loops without input', () => {
  it.each([
    [
      'a loop through a question waits',
      buildFlow([start, ask, say('a'), jump('g', 'q')], ['s > q', 'q > a', 'q.invalid > a', 'a > g']),
      [],
    ],
    [
      'a loop of messages closed by edges',
      buildFlow(
        [start, say('a'), say('b'), node('c', 'condition', { rules: [] })],
        ['s > a', 'a > b', 'b > c', 'c.else > a'],
      ),
      [{ code: 'loop_without_input', severity: 'error', nodeId: 'a' }],
    ],
    [
      'a loop closed by a goto',
      buildFlow([start, say('a'), jump('g', 'a')], ['s > a', 'a > g']),
      [{ code: 'loop_without_input', severity: 'error', nodeId: 'a' }],
    ],
    [
      'a goto to itself',
      buildFlow([start, jump('g', 'g')], ['s > g']),
      [{ code: 'loop_without_input', severity: 'error', nodeId: 'g' }],
    ],
  ])('%s', (_, flow, expected) => {
    expect(summarize(validateFlow(flow).problems)).toEqual(expected);
  });

  it('names the loop by its first block and its size, not by ids', () => {
    const flow = buildFlow([start, say('a'), say('b'), jump('g', 'a')], ['s > a', 'a > b', 'b > g']);
    expect(validateFlow(flow).problems[0]?.message).toBe(
      'A mensagem "oi" está num ciclo de 3 blocos que se repete sem esperar resposta do contato.',
    );
  });
});

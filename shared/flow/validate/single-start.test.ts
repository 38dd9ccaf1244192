import { describe, expect, it } from 'vitest';
import { buildFlow, node } from '../testing/build-flow.ts';
import { summarize } from '../testing/problem-summary.ts';
import { validateFlow } from './index.ts';

describe('single start', () => {
  it.each([
    ['one start', buildFlow([node('s', 'start', {}), node('e', 'end', {})], ['s > e']), []],
    ['no start', buildFlow([node('e', 'end', {})], []), [{ code: 'start_missing', severity: 'error' }]],
    [
      'two starts',
      buildFlow([node('s', 'start', {}), node('s2', 'start', {}), node('e', 'end', {})], ['s > e', 's2 > e']),
      [{ code: 'start_multiple', severity: 'error', nodeId: 's2' }],
    ],
  ])('%s', (_, flow, expected) => {
    expect(summarize(validateFlow(flow).problems)).toEqual(expected);
  });

  it('names the count and the extra start in the message', () => {
    const flow = buildFlow([node('a', 'start', {}), node('b', 'start', {}), node('e', 'end', {})], ['a > e', 'b > e']);
    const [problem] = validateFlow(flow).problems;
    expect(problem?.message).toBe('O fluxo tem 2 blocos de início, mas só pode ter um: remova este.');
    expect(problem?.messages.en).toBe('The flow has 2 start blocks but may have only one: remove this one.');
  });
});

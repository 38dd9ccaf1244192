import { describe, expect, it } from 'vitest';
import { buildFlow, node } from '../testing/build-flow.ts';
import { summarize } from '../testing/problem-summary.ts';
import { validateFlow } from './index.ts';

const start = node('s', 'start', {});
const end = node('e', 'end', {});

describe('unreachable nodes', () => {
  it.each([
    ['everything reached; notes do not count', buildFlow([start, end, node('n', 'note', {})], ['s > e']), []],
    [
      'a goto target counts as reached',
      buildFlow([start, node('g', 'goto', { target: { kind: 'node', nodeId: 'e' } }), end], ['s > g']),
      [],
    ],
    [
      'an island is unreachable',
      buildFlow([start, end, node('lost', 'message', { text: 'oi' }), node('e2', 'end', {})], ['s > e', 'lost > e2']),
      [
        { code: 'node_unreachable', severity: 'error', nodeId: 'lost' },
        { code: 'node_unreachable', severity: 'error', nodeId: 'e2' },
      ],
    ],
  ])('%s', (_, flow, expected) => {
    expect(summarize(validateFlow(flow).problems)).toEqual(expected);
  });
});

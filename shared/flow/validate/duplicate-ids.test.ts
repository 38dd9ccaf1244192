import { describe, expect, it } from 'vitest';
import { buildFlow, edge, node } from '../testing/build-flow.ts';
import { summarize } from '../testing/problem-summary.ts';
import { validateFlow } from './index.ts';

describe('duplicate ids', () => {
  it.each([
    ['distinct ids', buildFlow([node('s', 'start', {}), node('e', 'end', {})], [edge('s > e', 'e1')]), []],
    [
      'two nodes with one id',
      buildFlow([node('s', 'start', {}), node('e', 'end', {}), node('e', 'end', {})], [edge('s > e', 'e1')]),
      [{ code: 'duplicate_node_id', severity: 'error', nodeId: 'e' }],
    ],
    [
      'two edges with one id',
      buildFlow(
        [node('s', 'start', {}), node('m', 'message', { text: 'oi' }), node('e', 'end', {})],
        [edge('s > m', 'x'), edge('m > e', 'x')],
      ),
      [{ code: 'duplicate_edge_id', severity: 'error', edgeId: 'x' }],
    ],
  ])('%s', (_, flow, expected) => {
    expect(summarize(validateFlow(flow).problems)).toEqual(expected);
  });
});

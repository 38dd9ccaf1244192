import { checkConnection, type ConnectionProblem } from '../connection.ts';
import { createProblem, type Problem, type ProblemCode } from '../problems.ts';
import type { FlowEdge } from '../schema.ts';
import { nodeParams, type Rule } from './context.ts';
import { outputParams } from './output-params.ts';

const codes = {
  unknown_node: 'edge_dangling',
  self_loop: 'edge_self_loop',
  into_start: 'edge_into_start',
  from_note: 'edge_note',
  into_note: 'edge_note',
  unknown_output: 'edge_unknown_output',
  output_taken: 'edge_output_taken',
} as const satisfies Record<ConnectionProblem, ProblemCode>;

/** The end of the edge that is wrong. */
const fields = {
  unknown_node: 'target',
  self_loop: 'target',
  into_start: 'target',
  from_note: 'source',
  into_note: 'target',
  unknown_output: 'sourceHandle',
  output_taken: 'sourceHandle',
} as const satisfies Record<ConnectionProblem, keyof FlowEdge>;

/**
 * Every drawn edge must be one the canvas would have allowed: the same `checkConnection`
 * runs here, so an imported or hand-edited file meets the studio's rule too.
 */
export const edgeConnections: Rule = ({ index, broken, flow }) => {
  const problems: Problem[] = [];
  // Earlier edges per output: only the second edge out of an output is the mistake.
  const earlier = new Map<string, FlowEdge[]>();
  for (const edge of flow.edges) {
    // A broken node's outputs are unknown; its own schema problems come first.
    if (broken.has(edge.source) || broken.has(edge.target)) continue;
    const source = index.nodes.get(edge.source);
    const target = index.nodes.get(edge.target);
    for (const [end, node] of [
      ['source', source],
      ['target', target],
    ] as const) {
      if (!node)
        problems.push(
          createProblem('edge_dangling', { edgeId: edge.id, field: end }, { edge: edge.id, missing: edge[end] }),
        );
    }
    if (!source || !target) continue;
    const before = earlier.get(edge.source) ?? [];
    const problem = checkConnection({ nodes: [source, target], edges: before }, edge);
    before.push(edge);
    earlier.set(edge.source, before);
    if (!problem) continue;
    const params = { edge: edge.id, ...nodeParams(source), ...outputParams(source, edge.sourceHandle) };
    problems.push(
      createProblem(codes[problem], { edgeId: edge.id, nodeId: source.id, field: fields[problem] }, params),
    );
  }
  return problems;
};

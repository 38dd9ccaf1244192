import { createProblem } from '../problems.ts';
import type { Rule } from './context.ts';
import { duplicatesOf } from './duplicates-of.ts';

/** Edges and goto targets point at ids, so two nodes sharing one make the graph ambiguous. */
export const duplicateNodeIds: Rule = ({ flow, broken }) => {
  const ids = [...flow.nodes.map((n) => n.id), ...broken.keys()];
  return duplicatesOf(ids).map((id) => createProblem('duplicate_node_id', { nodeId: id }, { node: id }));
};

import { createProblem } from '../problems.ts';
import type { Rule } from './context.ts';
import { duplicatesOf } from './duplicates-of.ts';

/** React Flow keys edges by id: two edges sharing one are drawn and deleted as one. */
export const duplicateEdgeIds: Rule = ({ flow }) =>
  duplicatesOf(flow.edges.map((e) => e.id)).map((id) =>
    createProblem('duplicate_edge_id', { edgeId: id }, { edge: id }),
  );

import { createProblem } from '../problems.ts';
import { nodeProblem, type Rule } from './context.ts';

/** A flow has exactly one entry; the extra ones are named so the user knows which to remove. */
export const singleStart: Rule = ({ flow, broken }) => {
  const starts = flow.nodes.filter((n) => n.type === 'start').map((n) => n.id);
  for (const [id, type] of broken) if (type === 'start') starts.push(id);
  if (starts.length === 0) return [createProblem('start_missing')];
  return starts
    .slice(1)
    .map((id) => nodeProblem({ id, type: 'start' }, 'start_multiple', undefined, { count: starts.length }));
};

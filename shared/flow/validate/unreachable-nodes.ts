import { nodeProblem, type Rule } from './context.ts';
import { successorsOf } from './successors.ts';

/** A node no path from the start leads to never runs: usually a forgotten edge. */
export const unreachableNodes: Rule = (ctx) => {
  const start = ctx.index.start;
  // Without a start everything is unreachable; `start_missing` already says the one thing to fix.
  if (!start) return [];
  const next = successorsOf(ctx);
  const reached = new Set([start.id]);
  const queue = [start.id];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const target of next.get(id) ?? []) {
      if (reached.has(target)) continue;
      reached.add(target);
      queue.push(target);
    }
  }
  return ctx.flow.nodes
    .filter((n) => n.type !== 'note' && n.type !== 'start' && !reached.has(n.id))
    .map((n) => nodeProblem(n, 'node_unreachable'));
};

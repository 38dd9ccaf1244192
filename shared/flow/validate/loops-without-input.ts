import { waitsForContact } from '../nodes/index.ts';
import type { Problem } from '../problems.ts';
import { nodeProblem, type Rule } from './context.ts';
import { stronglyConnected } from './strongly-connected.ts';
import { successorsOf } from './successors.ts';

const namedInParams = 5;

/**
 * A cycle in which no node waits for the contact would run forever in one step (sending
 * messages in a burst until WhatsApp blocks the number), so it cannot be published.
 */
export const loopsWithoutInput: Rule = (ctx) => {
  const next = successorsOf(ctx);
  const ids = ctx.flow.nodes.map((n) => n.id);
  const position = new Map(ids.map((id, i) => [id, i] as const));
  const problems: Problem[] = [];
  for (const component of stronglyConnected(ids, next)) {
    const only = component[0] ?? '';
    const cyclic = component.length > 1 || (next.get(only) ?? []).includes(only);
    if (!cyclic) continue;
    const nodes = component.map((id) => ctx.index.nodes.get(id)).filter((n) => n !== undefined);
    if (nodes.some((n) => waitsForContact(n))) continue;
    nodes.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
    // Ids for clients that want to show the whole loop; the texts give its size, not ids.
    const ids = nodes.slice(0, namedInParams).map((n) => n.id);
    if (nodes.length > namedInParams) ids.push('…');
    const first = nodes[0];
    if (first)
      problems.push(
        nodeProblem(first, 'loop_without_input', undefined, { nodes: ids.join(', '), count: nodes.length }),
      );
  }
  return problems;
};

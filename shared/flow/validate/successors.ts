import type { ValidationContext } from './context.ts';

/** Where the flow can go next from each node: its edges plus a goto's jump inside this flow. */
export function successorsOf({ flow, edgesFrom }: ValidationContext): Map<string, string[]> {
  const next = new Map<string, string[]>();
  for (const [source, edges] of edgesFrom)
    next.set(
      source,
      edges.map((e) => e.target),
    );
  for (const node of flow.nodes) {
    if (node.type !== 'goto' || node.data.target?.kind !== 'node') continue;
    const list = next.get(node.id) ?? [];
    list.push(node.data.target.nodeId);
    next.set(node.id, list);
  }
  return next;
}

import type { EditorEdge } from '../editor/state/types.ts';

/** Marks, in a node's linked handles, that some edge ends on the node. */
export const linkedInput = '\u0000in';

const byEdges = new WeakMap<readonly EditorEdge[], ReadonlyMap<string, string>>();

/**
 * The handles of node `id` that edges use, as one string (an edge's output handles and
 * `linkedInput`, one per line) so a store selector can compare it cheaply. Worked out once per
 * edges array for all nodes: every node of a big flow asks on every store change.
 */
export function linkedHandlesOf(edges: readonly EditorEdge[], id: string): string {
  let index = byEdges.get(edges);
  if (!index) {
    const lists = new Map<string, string[]>();
    const add = (node: string, handle: string) => {
      const list = lists.get(node);
      if (!list) lists.set(node, [handle]);
      else if (!list.includes(handle)) list.push(handle);
    };
    for (const e of edges) {
      add(e.source, e.sourceHandle);
      add(e.target, linkedInput);
    }
    index = new Map([...lists].map(([node, list]) => [node, list.join('\n')]));
    byEdges.set(edges, index);
  }
  return index.get(id) ?? '';
}

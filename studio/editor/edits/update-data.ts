import type { EditorFlow, EditorNode } from '../state/types.ts';

/** Merges a patch into one node's data; keys set to `undefined` are removed (optional fields). */
export function updateNodeData(flow: EditorFlow, nodeId: string, patch: Record<string, unknown>): EditorFlow {
  return mapNode(flow, nodeId, (node) => {
    const data: Record<string, unknown> = { ...node.data, ...patch };
    for (const [key, value] of Object.entries(patch)) if (value === undefined) delete data[key];
    return { ...node, data } as EditorNode;
  });
}

/** Replaces one node through `fn`; every other node keeps its identity (memoized nodes skip rendering). */
export function mapNode(flow: EditorFlow, nodeId: string, fn: (node: EditorNode) => EditorNode): EditorFlow {
  let changed = false;
  const nodes = flow.nodes.map((n) => {
    if (n.id !== nodeId) return n;
    changed = true;
    return fn(n);
  });
  return changed ? { ...flow, nodes } : flow;
}

export function setPositions(flow: EditorFlow, positions: ReadonlyMap<string, { x: number; y: number }>): EditorFlow {
  return {
    ...flow,
    nodes: flow.nodes.map((n) => {
      const p = positions.get(n.id);
      return p ? { ...n, position: p } : n;
    }),
  };
}

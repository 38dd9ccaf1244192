import type { EditorFlow } from '../state/types.ts';

/** Selects exactly these nodes (and no edge); untouched objects keep their identity. */
export function selectOnly(flow: EditorFlow, nodeIds: readonly string[]): EditorFlow {
  const wanted = new Set(nodeIds);
  return {
    ...flow,
    nodes: flow.nodes.map((n) => (Boolean(n.selected) === wanted.has(n.id) ? n : { ...n, selected: wanted.has(n.id) })),
    edges: flow.edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
  };
}

export function selectedNodeIds(flow: Pick<EditorFlow, 'nodes'>): string[] {
  return flow.nodes.filter((n) => n.selected).map((n) => n.id);
}

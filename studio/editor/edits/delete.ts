import type { EditorFlow } from '../state/types.ts';

/**
 * Removes nodes with every edge touching them, plus the given edges. The start node stays:
 * a flow has exactly one, and deleting it by accident would leave nothing to run.
 */
export function deleteElements(
  flow: EditorFlow,
  nodeIds: readonly string[],
  edgeIds: readonly string[] = [],
): EditorFlow {
  const doomed = new Set(flow.nodes.filter((n) => nodeIds.includes(n.id) && n.type !== 'start').map((n) => n.id));
  const doomedEdges = new Set(edgeIds);
  if (doomed.size === 0 && doomedEdges.size === 0) return flow;
  return {
    ...flow,
    nodes: flow.nodes.filter((n) => !doomed.has(n.id)),
    edges: flow.edges.filter((e) => !doomedEdges.has(e.id) && !doomed.has(e.source) && !doomed.has(e.target)),
  };
}

/** Deletes whatever is selected on the canvas. */
export function deleteSelection(flow: EditorFlow): EditorFlow {
  return deleteElements(
    flow,
    flow.nodes.filter((n) => n.selected).map((n) => n.id),
    flow.edges.filter((e) => e.selected).map((e) => e.id),
  );
}

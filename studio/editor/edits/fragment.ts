import type { EditorEdge, EditorFlow, EditorNode, IdFactory } from '../state/types.ts';
import type { FlowEdge, FlowNode } from '../../../shared/flow/schema.ts';
import { toDocument } from '../document.ts';
import { selectOnly } from './selection.ts';

/** A piece of a flow: some nodes and the edges between them. What copy, paste and duplicate carry. */
export interface Fragment {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

export function copyFragment(flow: EditorFlow, nodeIds: readonly string[]): Fragment {
  const ids = new Set(nodeIds);
  const doc = toDocument({ ...flow, nodes: flow.nodes.filter((n) => ids.has(n.id)) });
  return { nodes: doc.nodes, edges: doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}

/**
 * Inserts a copy with fresh node and edge ids, shifted by `offset`, and selects it. A second
 * start node is skipped: a flow has exactly one. Option and rule ids are local to their
 * node, so they are kept and the edges' handles stay valid.
 */
export function insertFragment(
  flow: EditorFlow,
  fragment: Fragment,
  offset: { x: number; y: number },
  id: IdFactory,
): { flow: EditorFlow; nodeIds: string[] } {
  const hasStart = flow.nodes.some((n) => n.type === 'start');
  const renamed = new Map<string, string>();
  const nodes: EditorNode[] = [];
  for (const node of fragment.nodes) {
    if (node.type === 'start' && hasStart) continue;
    const fresh = id('n');
    renamed.set(node.id, fresh);
    const position = { x: node.position.x + offset.x, y: node.position.y + offset.y };
    nodes.push({ ...node, id: fresh, position, data: structuredClone(node.data) } as FlowNode);
  }
  const edges: EditorEdge[] = [];
  for (const edge of fragment.edges) {
    const source = renamed.get(edge.source);
    const target = renamed.get(edge.target);
    if (source && target) edges.push({ ...edge, id: id('e'), source, target });
  }
  const nodeIds = nodes.map((n) => n.id);
  const next = { ...flow, nodes: [...flow.nodes, ...nodes], edges: [...flow.edges, ...edges] };
  return { flow: selectOnly(next, nodeIds), nodeIds };
}

/** Ctrl+D: a copy of the selection, a little down and to the right. */
export function duplicateNodes(flow: EditorFlow, nodeIds: readonly string[], id: IdFactory): EditorFlow {
  return insertFragment(flow, copyFragment(flow, nodeIds), { x: 40, y: 40 }, id).flow;
}

/** Top-left corner of a fragment, to paste it where the pointer is. */
export function fragmentOrigin(fragment: Fragment): { x: number; y: number } {
  if (fragment.nodes.length === 0) return { x: 0, y: 0 };
  return {
    x: Math.min(...fragment.nodes.map((n) => n.position.x)),
    y: Math.min(...fragment.nodes.map((n) => n.position.y)),
  };
}

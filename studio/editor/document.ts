import type { FlowDocument, FlowEdge, FlowNode } from '../../shared/flow/schema.ts';
import type { EditorEdge, EditorFlow, EditorNode } from './types.ts';

/**
 * The editor's own copy of a loaded flow. A node saved with the size it was drawn at keeps it
 * as React Flow's `measured` (far out, a big flow draws such nodes as plain boxes of that size,
 * see far-look.ts). Nodes get no size guess (`initialWidth`): React Flow would draw them at the
 * guessed size, measure the guess, then measure again once it drops the guess, which for a big
 * flow is a second round of measuring and redrawing every node.
 */
export function toEditorFlow(doc: FlowDocument): EditorFlow {
  return {
    ...doc,
    nodes: doc.nodes.map((n) => (n.measured ? { ...n, measured: { ...n.measured } } : { ...n })),
    edges: doc.edges.map((e) => ({ ...e })),
  };
}

function savedNode(node: EditorNode): FlowNode {
  const { id, type, position, data, width, height, measured } = node;
  const saved = { id, type, position: { x: position.x, y: position.y }, data } as FlowNode;
  if (width !== undefined) saved.width = width;
  if (height !== undefined) saved.height = height;
  if (measured?.width && measured.height) saved.measured = { width: measured.width, height: measured.height };
  return saved;
}

function savedEdge(edge: EditorEdge): FlowEdge {
  const { id, source, sourceHandle, target, targetHandle } = edge;
  return targetHandle ? { id, source, sourceHandle, target, targetHandle } : { id, source, sourceHandle, target };
}

/** The flow as saved: React Flow's shape with each node's drawn size, without selection or drag state. */
export function toDocument(flow: EditorFlow): FlowDocument {
  return { ...flow, nodes: flow.nodes.map(savedNode), edges: flow.edges.map(savedEdge) };
}

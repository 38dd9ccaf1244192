import type { FlowDocument, FlowEdge, FlowNode } from '../../shared/flow/schema.ts';
import { handlesOf } from '../nodes/handle-layout.ts';
import type { EditorEdge, EditorFlow, EditorNode } from './types.ts';

/**
 * The editor's own copy of a loaded flow. A node saved with the size it was drawn at keeps it
 * as React Flow's `measured`, with its handles worked out from that size: React Flow then draws
 * it, and its edges, in the first frame, and measures it right after. A node without one gets
 * no guess (`initialWidth`): React Flow would draw the guess, measure it, then measure again
 * once it drops the guess; without one it measures each node once, before it first shows it.
 */
export function toEditorFlow(doc: FlowDocument): EditorFlow {
  return {
    ...doc,
    nodes: doc.nodes.map((n) => (n.measured ? { ...n, measured: { ...n.measured }, handles: handlesOf(n, n.measured) } : { ...n })),
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

/** The flow as saved: React Flow's shape, with the size each node was drawn at, without selection or drag state. */
export function toDocument(flow: EditorFlow): FlowDocument {
  return { ...flow, nodes: flow.nodes.map(savedNode), edges: flow.edges.map(savedEdge) };
}

import type { FlowDocument, FlowEdge, FlowNode } from '../../shared/flow/schema.ts';
import { initialSizeOf } from '../nodes/sizes.ts';
import type { EditorEdge, EditorFlow, EditorNode } from './types.ts';

/** Adds what makes the first render fast: a size guess, so React Flow draws before measuring. */
export function toEditorNode(node: FlowNode): EditorNode {
  const size = initialSizeOf(node.type);
  return { ...node, initialWidth: node.width ?? size.width, initialHeight: node.height ?? size.height };
}

export function toEditorFlow(doc: FlowDocument): EditorFlow {
  return { ...doc, nodes: doc.nodes.map(toEditorNode), edges: doc.edges.map((e) => ({ ...e })) };
}

function savedNode(node: EditorNode): FlowNode {
  const { id, type, position, data, width, height } = node;
  const saved = { id, type, position: { x: position.x, y: position.y }, data } as FlowNode;
  if (width !== undefined) saved.width = width;
  if (height !== undefined) saved.height = height;
  return saved;
}

function savedEdge(edge: EditorEdge): FlowEdge {
  const { id, source, sourceHandle, target, targetHandle } = edge;
  return targetHandle ? { id, source, sourceHandle, target, targetHandle } : { id, source, sourceHandle, target };
}

/** The flow as saved: React Flow's shape, without selection, measurements or drag state. */
export function toDocument(flow: EditorFlow): FlowDocument {
  return { ...flow, nodes: flow.nodes.map(savedNode), edges: flow.edges.map(savedEdge) };
}

import type { FlowDocument, FlowEdge, FlowNode } from '../../shared/flow/schema.ts';
import { guessedSize } from '../nodes/face-height.ts';
import { bigFlowFrom } from '../nodes/far-look.ts';
import type { EditorEdge, EditorFlow, EditorNode } from './state/types.ts';

/**
 * The editor's own copy of a loaded flow. A node saved with the size it was drawn at keeps it
 * as React Flow's `measured`. A big flow opens far out with its nodes drawn as boxes (see
 * far-look.ts), so a node of one that was never drawn gets its box's size as `measured`:
 * React Flow draws a node whose size it knows at once, while hundreds of nodes it does not
 * know stay hidden until measured, and showing them all after that is a second style pass.
 * Either way React Flow measures what it drew and corrects the size. Other nodes get no size
 * guess (`initialWidth` would be measured, dropped and measured again).
 */
export function toEditorFlow(doc: FlowDocument): EditorFlow {
  const big = doc.nodes.length > bigFlowFrom;
  return {
    ...doc,
    nodes: doc.nodes.map((n) => {
      if (n.measured) return { ...n, measured: { ...n.measured } };
      return big ? { ...n, measured: guessedSize(n) } : { ...n };
    }),
    edges: doc.edges.map((e) => ({ ...e })),
  };
}

/** The size React Flow drew a node at, when it has one (a hidden node measures zero high). */
export function drawnSize(node: Pick<EditorNode, 'measured'>): { width: number; height: number } | null {
  const { measured } = node;
  return measured?.width && measured.height ? { width: measured.width, height: measured.height } : null;
}

function savedNode(node: EditorNode): FlowNode {
  const { id, type, position, data, width, height } = node;
  const saved = { id, type, position: { x: position.x, y: position.y }, data } as FlowNode;
  if (width !== undefined) saved.width = width;
  if (height !== undefined) saved.height = height;
  const measured = drawnSize(node);
  if (measured) saved.measured = measured;
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

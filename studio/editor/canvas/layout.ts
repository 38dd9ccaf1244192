import type { ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api.js';
import { outputsOf } from '../../../shared/flow/graph.ts';
import type { FlowEdge, FlowNode } from '../../../shared/flow/schema.ts';
import { initialSizeOf } from '../../nodes/sizes.ts';
import { outputSideOf } from '../../nodes/output-side.ts';

type Size = { width: number; height: number };
type Sized = FlowNode & { measured?: { width?: number; height?: number } };

function sizeOf(node: Sized): Size {
  const guess = initialSizeOf(node.type);
  return { width: node.measured?.width ?? guess.width, height: node.measured?.height ?? guess.height };
}

const portId = (nodeId: string, handle: string) => `${nodeId}\u0000${handle}`;

/**
 * ELK ports mirror our handles: the input on top, outputs on the side they are drawn, in the
 * order they are drawn, so the layout keeps "option 1" left/above "option 2" and edges cross less.
 */
function elkNode(node: Sized): ElkNode {
  const outputs = outputsOf(node);
  const side = outputSideOf(outputs) === 'bottom' ? 'SOUTH' : 'EAST';
  const ports: ElkPort[] = [
    { id: portId(node.id, '__in'), layoutOptions: { 'elk.port.side': 'NORTH', 'elk.port.index': '0' } },
    ...outputs.map((h, i) => ({
      id: portId(node.id, h),
      layoutOptions: { 'elk.port.side': side, 'elk.port.index': String(i + 1) },
    })),
  ];
  return { id: node.id, ...sizeOf(node), ports, layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' } };
}

/**
 * Top-to-bottom layered layout of every node except sticky notes (they stay where the
 * user put them, next to what they explain). Returns new top-left positions.
 */
export async function layoutFlow(
  nodes: readonly Sized[],
  edges: readonly FlowEdge[],
): Promise<Map<string, { x: number; y: number }>> {
  const { default: Elk } = await import('elkjs/lib/elk.bundled.js');
  const laid = nodes.filter((n) => n.type !== 'note');
  const ids = new Set(laid.map((n) => n.id));
  const elkEdges: ElkExtendedEdge[] = edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => ({ id: e.id, sources: [portId(e.source, e.sourceHandle)], targets: [portId(e.target, '__in')] }));
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
      'elk.spacing.nodeNode': '60',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: laid.map(elkNode),
    edges: elkEdges,
  };
  const result = await new Elk().layout(graph);
  return new Map((result.children ?? []).map((c) => [c.id, { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) }]));
}

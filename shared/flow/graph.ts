import { outputsOfType, windowClosedOutput, windowSensitiveTypes } from './nodes/outputs.ts';
import type { FlowDocument, FlowEdge, FlowNode } from './schema.ts';

/** The output handles a node offers, in display order. */
export function outputsOf(node: FlowNode): string[] {
  return outputsOfType(node);
}

/** Whether an edge may leave `node` through `handle`: one of its outputs, or `window_closed` on a block that sends. */
export function offersOutput(node: FlowNode, handle: string): boolean {
  return outputsOf(node).includes(handle) || (handle === windowClosedOutput && windowSensitiveTypes.has(node.type));
}

export function nodeById(flow: Pick<FlowDocument, 'nodes'>, id: string): FlowNode | undefined {
  return flow.nodes.find((n) => n.id === id);
}

/** The edge leaving `nodeId` through `handle`, if one is drawn. */
export function edgeFrom(flow: Pick<FlowDocument, 'edges'>, nodeId: string, handle: string): FlowEdge | undefined {
  return flow.edges.find((e) => e.source === nodeId && e.sourceHandle === handle);
}

/** Index for hot paths: node by id and target by `source\u0000handle`. */
export interface FlowIndex {
  nodes: Map<string, FlowNode>;
  next: Map<string, string>;
  start: FlowNode | undefined;
}

export function indexFlow(flow: FlowDocument): FlowIndex {
  const nodes = new Map(flow.nodes.map((n) => [n.id, n] as const));
  const next = new Map<string, string>();
  for (const e of flow.edges) next.set(`${e.source}\u0000${e.sourceHandle}`, e.target);
  return { nodes, next, start: flow.nodes.find((n) => n.type === 'start') };
}

export function targetOf(index: FlowIndex, nodeId: string, handle: string): string | undefined {
  return index.next.get(`${nodeId}\u0000${handle}`);
}

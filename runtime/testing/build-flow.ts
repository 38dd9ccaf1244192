import { flowDocument, type FlowDocument, type FlowDocumentInput } from '../../shared/flow/schema.ts';

type NodeInput = FlowDocumentInput['nodes'][number];
type LooseNode = { id: string; type: NodeInput['type']; data?: Record<string, unknown> };

/**
 * A parsed flow from terse nodes and `[source, handle, target]` edges; a `start` node
 * `s` leading to the first node is added when none is given. For tests and benchmarks.
 */
export function buildFlow(
  nodes: LooseNode[],
  edges: [string, string, string][],
  extra: Partial<FlowDocumentInput> = {},
): FlowDocument {
  const hasStart = nodes.some((n) => n.type === 'start');
  const first = nodes[0];
  const all = hasStart || !first ? nodes : [{ id: 's', type: 'start' as const, data: {} }, ...nodes];
  const allEdges = hasStart || !first ? edges : [['s', 'next', first.id] as [string, string, string], ...edges];
  return flowDocument.parse({
    name: 'test',
    ...extra,
    nodes: all.map((n) => ({ id: n.id, type: n.type, position: { x: 0, y: 0 }, data: n.data ?? {} })),
    edges: allEdges.map(([source, sourceHandle, target], i) => ({ id: `e${i}`, source, sourceHandle, target })),
  });
}

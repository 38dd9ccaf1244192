import type { FunnelStep } from '../../shared/api/dashboard.ts';

interface GraphNode {
  id: string;
  type: string;
  data: Record<string, unknown>;
}
interface GraphEdge {
  source: string;
  target: string;
}

function readGraph(graph: unknown): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const g = (typeof graph === 'object' && graph !== null ? graph : {}) as { nodes?: unknown; edges?: unknown };
  const nodes = (Array.isArray(g.nodes) ? g.nodes : []).flatMap((n: unknown) => {
    const { id, type, data } = (n ?? {}) as { id?: unknown; type?: unknown; data?: unknown };
    return typeof id === 'string' && typeof type === 'string'
      ? [{ id, type, data: (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown> }]
      : [];
  });
  const edges = (Array.isArray(g.edges) ? g.edges : []).flatMap((e: unknown) => {
    const { source, target } = (e ?? {}) as { source?: unknown; target?: unknown };
    return typeof source === 'string' && typeof target === 'string' ? [{ source, target }] : [];
  });
  return { nodes, edges };
}

/** A short name for a block: its text or title when it has one, else its id. */
function labelOf(node: GraphNode): string {
  for (const key of ['label', 'title', 'text', 'question', 'message', 'team']) {
    const value = node.data[key];
    if (typeof value === 'string' && value.trim()) return value.trim().slice(0, 60);
  }
  return node.id;
}

/**
 * The funnel: the flow's blocks in the order a conversation meets them (breadth-first from the
 * start block, then any unreachable ones that still saw traffic), each with how many
 * conversations entered it. Blocks nobody entered and nobody can reach are left out.
 */
export function funnelSteps(graph: unknown, sessionsByNode: Map<string, number>): FunnelStep[] {
  const { nodes, edges } = readGraph(graph);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  const order: string[] = [];
  const seen = new Set<string>();
  const queue = nodes.filter((n) => n.type === 'start').map((n) => n.id);
  while (queue.length) {
    const id = queue.shift() as string;
    if (seen.has(id) || !byId.has(id)) continue;
    seen.add(id);
    order.push(id);
    queue.push(...(next.get(id) ?? []));
  }
  for (const id of sessionsByNode.keys()) if (!seen.has(id) && byId.has(id)) order.push(id);
  return order.map((id) => {
    const node = byId.get(id) as GraphNode;
    return { nodeId: id, type: node.type, label: labelOf(node), sessions: sessionsByNode.get(id) ?? 0 };
  });
}

import type { NodeAnalytics } from '../../shared/api/analytics.ts';

export type StopKind = 'completions' | 'withAgent' | 'dropOff';

/** Where a conversation that entered a block of this type and never left it ended up. */
export function stopKindOf(nodeType: string | undefined): StopKind {
  // end: the flow's own finish. goto: a jump within the flow leaves the block (exit), so what
  // stays is a hand-over to another flow, which ends this one by design.
  if (nodeType === 'end' || nodeType === 'goto') return 'completions';
  if (nodeType === 'handoff') return 'withAgent';
  return 'dropOff';
}

/** Node id → type in a stored version's graph; tolerant, since old graphs are read as stored. */
export function nodeTypesOf(graph: unknown): Map<string, string> {
  const types = new Map<string, string>();
  const nodes = typeof graph === 'object' && graph !== null && 'nodes' in graph ? graph.nodes : null;
  if (!Array.isArray(nodes)) return types;
  for (const node of nodes as unknown[]) {
    if (typeof node !== 'object' || node === null) continue;
    const { id, type } = node as { id?: unknown; type?: unknown };
    if (typeof id === 'string' && typeof type === 'string') types.set(id, type);
  }
  return types;
}

export interface EventCount {
  versionId: string;
  nodeId: string;
  kind: string;
  n: number;
}

/**
 * Per-node counts over versions. A block's type is read from the version each event came
 * from, so a block that became an end block in v2 is not credited with v1's drop-offs.
 */
export function countByNode(
  rows: EventCount[],
  typesByVersion: Map<string, Map<string, string>>,
): Record<string, NodeAnalytics> {
  const perVersion = new Map<string, { versionId: string; nodeId: string; entries: number; exits: number }>();
  for (const r of rows) {
    const key = `${r.versionId}\n${r.nodeId}`;
    const c = perVersion.get(key) ?? { versionId: r.versionId, nodeId: r.nodeId, entries: 0, exits: 0 };
    if (r.kind === 'enter') c.entries += r.n;
    if (r.kind === 'exit') c.exits += r.n;
    perVersion.set(key, c);
  }
  const nodes: Record<string, NodeAnalytics> = {};
  for (const c of perVersion.values()) {
    const n = (nodes[c.nodeId] ??= { entries: 0, exits: 0, dropOff: 0, completions: 0, withAgent: 0 });
    n.entries += c.entries;
    n.exits += c.exits;
    n[stopKindOf(typesByVersion.get(c.versionId)?.get(c.nodeId))] += Math.max(0, c.entries - c.exits);
  }
  return nodes;
}

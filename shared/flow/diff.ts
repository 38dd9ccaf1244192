/**
 * What changed between two versions of a flow, block by block: for "Versões" (a published
 * version against the draft) and the editor's "draft differs from what is live".
 *
 * A block is changed when its type, its data (texts, options... and so the outputs they
 * make) or where its outputs lead changed. Moving a block or resizing it is not a change:
 * conversations run the same.
 */

interface DiffNode {
  id: string;
  type: string;
  data: unknown;
}
interface DiffEdge {
  source: string;
  sourceHandle?: string | null;
  target: string;
}
export interface DiffGraph {
  nodes: readonly DiffNode[];
  edges: readonly DiffEdge[];
  name?: string;
  description?: string;
  variables?: unknown;
  settings?: unknown;
}

export interface FlowDiff {
  /** Blocks only in `after`. */
  added: string[];
  /** Blocks only in `before`. */
  removed: string[];
  /** Blocks in both whose type, data or outgoing connections differ. */
  changed: string[];
  /** The flow's name, description, variables or settings differ. */
  flowChanged: boolean;
}

/** Equal as JSON sees them: key order does not matter, an undefined property is an absent one. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  const left = Object.entries(a).filter(([, v]) => v !== undefined);
  const right = new Map(Object.entries(b).filter(([, v]) => v !== undefined));
  return left.length === right.size && left.every(([key, value]) => right.has(key) && sameValue(value, right.get(key)));
}

/** Where each block's outputs lead, as sorted `handle→target` lines per block. */
function outgoing(edges: readonly DiffEdge[]): Map<string, string> {
  const lines = new Map<string, string[]>();
  for (const e of edges) {
    const list = lines.get(e.source) ?? [];
    list.push(`${e.sourceHandle ?? 'next'}→${e.target}`);
    lines.set(e.source, list);
  }
  return new Map([...lines].map(([id, list]) => [id, list.sort().join('\n')]));
}

export function diffFlows(before: DiffGraph, after: DiffGraph): FlowDiff {
  const old = new Map(before.nodes.map((n) => [n.id, n]));
  const now = new Map(after.nodes.map((n) => [n.id, n]));
  const oldLinks = outgoing(before.edges);
  const newLinks = outgoing(after.edges);
  const added = after.nodes.filter((n) => !old.has(n.id)).map((n) => n.id);
  const removed = before.nodes.filter((n) => !now.has(n.id)).map((n) => n.id);
  const changed = after.nodes
    .filter((n) => {
      const was = old.get(n.id);
      if (!was) return false;
      return (
        was.type !== n.type || !sameValue(was.data, n.data) || (oldLinks.get(n.id) ?? '') !== (newLinks.get(n.id) ?? '')
      );
    })
    .map((n) => n.id);
  const flowChanged = (['name', 'description', 'variables', 'settings'] as const).some(
    (key) => !sameValue(before[key], after[key]),
  );
  return { added, removed, changed, flowChanged };
}

/** Blocks that differ in any way, for a count. */
export function changedBlockCount(diff: FlowDiff): number {
  return diff.added.length + diff.removed.length + diff.changed.length;
}

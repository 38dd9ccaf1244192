import { nodeById, offersOutput } from './graph.ts';
import type { FlowDocument } from './schema.ts';

export interface ConnectionAttempt {
  source: string;
  sourceHandle?: string | null;
  target: string;
}

export type ConnectionProblem =
  'unknown_node' | 'self_loop' | 'into_start' | 'from_note' | 'into_note' | 'unknown_output' | 'output_taken';

/**
 * The one rule for drawing an edge, used by the studio's `isValidConnection` and by
 * `validateFlow`: an output feeds exactly one node, never the start, never itself.
 */
export function checkConnection(
  flow: Pick<FlowDocument, 'nodes' | 'edges'>,
  c: ConnectionAttempt,
  ignoreEdgeId?: string,
): ConnectionProblem | null {
  const source = nodeById(flow, c.source);
  const target = nodeById(flow, c.target);
  if (!source || !target) return 'unknown_node';
  if (source.type === 'note') return 'from_note';
  if (target.type === 'note') return 'into_note';
  if (target.type === 'start') return 'into_start';
  if (c.source === c.target) return 'self_loop';
  const handle = c.sourceHandle ?? 'next';
  if (!offersOutput(source, handle)) return 'unknown_output';
  const taken = flow.edges.some((e) => e.id !== ignoreEdgeId && e.source === c.source && e.sourceHandle === handle);
  return taken ? 'output_taken' : null;
}

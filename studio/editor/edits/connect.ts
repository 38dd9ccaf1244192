import { addEdge, reconnectEdge } from '@xyflow/react';
import { checkConnection, type ConnectionAttempt } from '../../../shared/flow/connection.ts';
import type { EditorEdge, EditorFlow, IdFactory } from '../state/types.ts';

/** Draws an edge if the shared connection rule allows it; otherwise the flow is unchanged. */
export function connect(flow: EditorFlow, c: ConnectionAttempt, id: IdFactory): EditorFlow {
  if (checkConnection(flow, c) !== null) return flow;
  const edge: EditorEdge = { id: id('e'), source: c.source, sourceHandle: c.sourceHandle ?? 'next', target: c.target };
  return { ...flow, edges: addEdge(edge, flow.edges) };
}

/** Moves an existing edge's end (or start) to another handle, under the same rule. */
export function reconnect(flow: EditorFlow, edgeId: string, c: ConnectionAttempt): EditorFlow {
  const old = flow.edges.find((e) => e.id === edgeId);
  if (!old || checkConnection(flow, c, edgeId) !== null) return flow;
  const next = { source: c.source, sourceHandle: c.sourceHandle ?? 'next', target: c.target, targetHandle: null };
  const edges = reconnectEdge(old, next, flow.edges, { shouldReplaceId: false }).map((e) =>
    e.id === edgeId ? { ...e, sourceHandle: next.sourceHandle } : e,
  );
  return { ...flow, edges };
}

import { checkConnection } from '../../../shared/flow/connection.ts';
import { edgeFrom, nodeById, outputsOf } from '../../../shared/flow/graph.ts';
import { windowClosedOutput, windowSensitiveTypes } from '../../../shared/flow/nodes/outputs.ts';
import { connect, reconnect } from '../edits/connect.ts';
import { deleteElements } from '../edits/delete.ts';
import type { EditorFlow, EditorNode, IdFactory } from '../state/types.ts';

export interface OutputTarget {
  /** The output's handle (`next`, `opt-a`, `timeout`...). */
  handle: string;
  /** The node this output leads to now, if any. */
  target: string | null;
  /** Every node this output may lead to under the shared connection rule, in flow order. */
  choices: EditorNode[];
}

/**
 * The outputs of `nodeId` with where each leads and where it could lead instead: the
 * keyboard's way to draw edges. The current edge is ignored when checking, so its own
 * target stays a choice and "output taken" never hides the others.
 */
export function outputTargets(flow: Pick<EditorFlow, 'nodes' | 'edges'>, nodeId: string): OutputTarget[] {
  const node = nodeById(flow, nodeId);
  if (!node) return [];
  return [...outputsOf(node), ...windowClosedHandle(flow, node)].map((handle) => {
    const edge = edgeFrom(flow, nodeId, handle);
    const choices = flow.nodes.filter(
      (n) => checkConnection(flow, { source: nodeId, sourceHandle: handle, target: n.id }, edge?.id) === null,
    );
    return { handle, target: edge?.target ?? null, choices };
  });
}

/**
 * Points one output at `target`, or disconnects it when `target` is null. Moves the existing
 * edge (same id) rather than replacing it; anything the connection rule refuses leaves the flow unchanged.
 */
export function setOutputTarget(
  flow: EditorFlow,
  nodeId: string,
  handle: string,
  target: string | null,
  id: IdFactory,
): EditorFlow {
  const edge = edgeFrom(flow, nodeId, handle);
  if (target === null) return edge ? deleteElements(flow, [], [edge.id]) : flow;
  if (edge?.target === target) return flow;
  const attempt = { source: nodeId, sourceHandle: handle, target };
  return edge ? reconnect(flow, edge.id, attempt) : connect(flow, attempt, id);
}

/** `window_closed` where the node shows it: chosen in the inspector, or already used by an edge. */
function windowClosedHandle(flow: Pick<EditorFlow, 'edges'>, node: EditorNode): string[] {
  if (!windowSensitiveTypes.has(node.type)) return [];
  const chosen = 'windowClosed' in node.data && node.data.windowClosed === 'output';
  return chosen || edgeFrom(flow, node.id, windowClosedOutput) ? [windowClosedOutput] : [];
}

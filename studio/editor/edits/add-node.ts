import type { EditorFlow, EditorNode } from '../state/types.ts';
import { selectOnly } from './selection.ts';

/** Appends a node and makes it the only selection, so the inspector opens on it. */
export function addNode(flow: EditorFlow, node: EditorNode): EditorFlow {
  return selectOnly({ ...flow, nodes: [...flow.nodes, node] }, [node.id]);
}

import type { NodeType } from '../../../shared/flow/nodes/index.ts';
import type { FlowNode } from '../../../shared/flow/schema.ts';
import { defaultDataOf } from '../../nodes/defaults.ts';
import type { EditorFlow, EditorNode, IdFactory } from '../types.ts';
import { selectOnly } from './selection.ts';

export function createNode(type: NodeType, position: { x: number; y: number }, id: IdFactory): EditorNode {
  return { id: id('n'), type, position, data: defaultDataOf(type, id) } as FlowNode;
}

/** Appends a node and makes it the only selection, so the inspector opens on it. */
export function addNode(flow: EditorFlow, node: EditorNode): EditorFlow {
  return selectOnly({ ...flow, nodes: [...flow.nodes, node] }, [node.id]);
}

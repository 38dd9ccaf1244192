import type { NodeType } from '../../../shared/flow/nodes/kinds.ts';
import type { FlowNode } from '../../../shared/flow/schema.ts';
import { defaultDataOf } from '../../nodes/defaults.ts';
import type { EditorNode, IdFactory } from '../state/types.ts';

/** A new node with its type's defaults (from the schema: part of the schema code chunk, see schema-code.ts). */
export function createNode(type: NodeType, position: { x: number; y: number }, id: IdFactory): EditorNode {
  return { id: id('n'), type, position, data: defaultDataOf(type, id) } as FlowNode;
}

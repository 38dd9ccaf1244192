import type { Node, NodeProps } from '@xyflow/react';
import type { NodeDataByType, NodeType } from '../../shared/flow/nodes/index.ts';

/** Props React Flow passes to the component of a node of type `T`, with that type's data. */
export type FlowNodeProps<T extends NodeType> = NodeProps<Node<NodeDataByType[T], T>>;

import type { Node, NodeProps } from '@xyflow/react';
import type { ReactNode } from 'react';
import type { NodeDataByType, NodeType } from '../../shared/flow/nodes/index.ts';

/** Props React Flow passes to the component of a node of type `T`, with that type's data. */
export type FlowNodeProps<T extends NodeType> = NodeProps<Node<NodeDataByType[T], T>>;

/**
 * `memo` comparison for node components, which draw only `id`, `data` and `selected`. React
 * Flow also passes position, measured size and drag state; comparing those would redraw every
 * node once more after it is measured (500 at once when a big flow opens) and on every frame
 * of a drag.
 */
export function sameFace<T extends NodeType>(a: FlowNodeProps<T>, b: FlowNodeProps<T>): boolean {
  return a.id === b.id && a.data === b.data && a.selected === b.selected;
}

/** One output of a node as its face lists it: the handle edges leave from and what it is called. */
export interface OutputRow {
  handle: string;
  label: ReactNode;
}

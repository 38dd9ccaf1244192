import type { NodeDataByType, NodeType } from '../../shared/flow/nodes/index.ts';
import type { FlowNodeOf } from '../../shared/flow/schema.ts';

export interface InspectorProps<T extends NodeType> {
  node: FlowNodeOf<T>;
  /**
   * Merges a patch into the node's data. `field` names what is being edited, so a burst of
   * typing in one field becomes one undo step.
   */
  update(patch: Partial<NodeDataByType[T]>, field: string): void;
}

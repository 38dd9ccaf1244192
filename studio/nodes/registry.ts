import type { NodeTypes } from '@xyflow/react';
import type { ComponentType } from 'react';
import { nodeTypes as allNodeTypes, type NodeType } from '../../shared/flow/nodes/kinds.ts';
import { ConditionNode } from './condition/Node.tsx';
import { EndNode } from './end/Node.tsx';
import { FinancingNode } from './financing/Node.tsx';
import { GotoNode } from './goto/Node.tsx';
import { HandoffNode } from './handoff/Node.tsx';
import { HttpNode } from './http/Node.tsx';
import type { FlowNodeProps } from './node-props.ts';
import { LlmNode } from './llm/Node.tsx';
import { AgentNode } from './agent/Node.tsx';
import { MenuNode } from './menu/Node.tsx';
import { MessageNode } from './message/Node.tsx';
import { NoteNode } from './note/Node.tsx';
import { ProductPickerNode } from './product_picker/Node.tsx';
import { QuestionNode } from './question/Node.tsx';
import { SetNode } from './set/Node.tsx';
import { StartNode } from './start/Node.tsx';
import { ScheduleNode } from './schedule/Node.tsx';
import { WaitNode } from './wait/Node.tsx';
import { PaymentNode } from './payment/Node.tsx';

/**
 * How the canvas draws each node type. A new type without an entry fails to compile. The
 * forms that edit them are in inspectors.ts, loaded with the panels after the canvas.
 */
const nodeComponents = {
  start: StartNode,
  message: MessageNode,
  menu: MenuNode,
  question: QuestionNode,
  condition: ConditionNode,
  set: SetNode,
  http: HttpNode,
  product_picker: ProductPickerNode,
  financing: FinancingNode,
  llm: LlmNode,
  agent: AgentNode,
  handoff: HandoffNode,
  wait: WaitNode,
  payment: PaymentNode,
  goto: GotoNode,
  end: EndNode,
  note: NoteNode,
  schedule: ScheduleNode,
} satisfies { [T in NodeType]: ComponentType<FlowNodeProps<T>> };

/**
 * React Flow's `nodeTypes`: module-level and frozen, because a new object on each render
 * makes React Flow remount every node. Each component is typed for its own node; React Flow
 * only ever passes a node of the matching type, hence the widening cast.
 */
export const nodeTypes: NodeTypes = Object.freeze(
  Object.fromEntries(allNodeTypes.map((type) => [type, nodeComponents[type]])) as NodeTypes,
);

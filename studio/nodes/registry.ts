import type { NodeTypes } from '@xyflow/react';
import type { ComponentType } from 'react';
import { nodeTypes as allNodeTypes, type NodeDataByType, type NodeType } from '../../shared/flow/nodes/index.ts';
import type { IdFactory } from '../editor/types.ts';
import { nodeColors } from './colors.ts';
import { ConditionInspector } from './condition/Inspector.tsx';
import { ConditionNode } from './condition/Node.tsx';
import { defaultDataOf } from './defaults.ts';
import { EndInspector } from './end/Inspector.tsx';
import { EndNode } from './end/Node.tsx';
import { FinancingInspector } from './financing/Inspector.tsx';
import { FinancingNode } from './financing/Node.tsx';
import { GotoInspector } from './goto/Inspector.tsx';
import { GotoNode } from './goto/Node.tsx';
import { HandoffInspector } from './handoff/Inspector.tsx';
import { HandoffNode } from './handoff/Node.tsx';
import { HttpInspector } from './http/Inspector.tsx';
import { HttpNode } from './http/Node.tsx';
import type { IconName } from './icons.tsx';
import type { InspectorProps } from './inspector-props.ts';
import type { FlowNodeProps } from './node-props.ts';
import { LlmInspector } from './llm/Inspector.tsx';
import { LlmNode } from './llm/Node.tsx';
import { MenuInspector } from './menu/Inspector.tsx';
import { MenuNode } from './menu/Node.tsx';
import { MessageInspector } from './message/Inspector.tsx';
import { MessageNode } from './message/Node.tsx';
import { NoteInspector } from './note/Inspector.tsx';
import { NoteNode } from './note/Node.tsx';
import { ProductPickerInspector } from './product_picker/Inspector.tsx';
import { ProductPickerNode } from './product_picker/Node.tsx';
import { QuestionInspector } from './question/Inspector.tsx';
import { QuestionNode } from './question/Node.tsx';
import { SetInspector } from './set/Inspector.tsx';
import { SetNode } from './set/Node.tsx';
import { StartInspector } from './start/Inspector.tsx';
import { StartNode } from './start/Node.tsx';
import { WaitInspector } from './wait/Inspector.tsx';
import { WaitNode } from './wait/Node.tsx';

export interface NodeUi<T extends NodeType> {
  Node: ComponentType<FlowNodeProps<T>>;
  Inspector: ComponentType<InspectorProps<T>>;
  icon: IconName;
  color: string;
  defaults(id: IdFactory): NodeDataByType[T];
}

const ui = <T extends NodeType>(type: T, Node: NodeUi<T>['Node'], Inspector: NodeUi<T>['Inspector']): NodeUi<T> => ({
  Node, Inspector, icon: type, color: nodeColors[type], defaults: (id) => defaultDataOf(type, id),
});

/** Everything the studio draws per node type. A new type without an entry fails to compile. */
export const nodeUi = {
  start: ui('start', StartNode, StartInspector),
  message: ui('message', MessageNode, MessageInspector),
  menu: ui('menu', MenuNode, MenuInspector),
  question: ui('question', QuestionNode, QuestionInspector),
  condition: ui('condition', ConditionNode, ConditionInspector),
  set: ui('set', SetNode, SetInspector),
  http: ui('http', HttpNode, HttpInspector),
  product_picker: ui('product_picker', ProductPickerNode, ProductPickerInspector),
  financing: ui('financing', FinancingNode, FinancingInspector),
  llm: ui('llm', LlmNode, LlmInspector),
  handoff: ui('handoff', HandoffNode, HandoffInspector),
  wait: ui('wait', WaitNode, WaitInspector),
  goto: ui('goto', GotoNode, GotoInspector),
  end: ui('end', EndNode, EndInspector),
  note: ui('note', NoteNode, NoteInspector),
} satisfies { [T in NodeType]: NodeUi<T> };

/**
 * React Flow's `nodeTypes`: module-level and frozen, because a new object on each render
 * makes React Flow remount every node. Each component is typed for its own node; React Flow
 * only ever passes a node of the matching type, hence the widening cast.
 */
export const nodeTypes: NodeTypes = Object.freeze(
  Object.fromEntries(allNodeTypes.map((type) => [type, nodeUi[type].Node])) as NodeTypes,
);

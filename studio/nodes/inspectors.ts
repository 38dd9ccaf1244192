import type { ComponentType } from 'react';
import type { NodeType } from '../../shared/flow/nodes/index.ts';
import { ConditionInspector } from './condition/Inspector.tsx';
import { EndInspector } from './end/Inspector.tsx';
import { FinancingInspector } from './financing/Inspector.tsx';
import { GotoInspector } from './goto/Inspector.tsx';
import { HandoffInspector } from './handoff/Inspector.tsx';
import { HttpInspector } from './http/Inspector.tsx';
import type { InspectorProps } from './inspector-props.ts';
import { LlmInspector } from './llm/Inspector.tsx';
import { AgentInspector } from './agent/Inspector.tsx';
import { MenuInspector } from './menu/Inspector.tsx';
import { MessageInspector } from './message/Inspector.tsx';
import { NoteInspector } from './note/Inspector.tsx';
import { ProductPickerInspector } from './product_picker/Inspector.tsx';
import { QuestionInspector } from './question/Inspector.tsx';
import { SetInspector } from './set/Inspector.tsx';
import { StartInspector } from './start/Inspector.tsx';
import { ScheduleInspector } from './schedule/Inspector.tsx';
import { WaitInspector } from './wait/Inspector.tsx';
import { PaymentInspector } from './payment/Inspector.tsx';

/** The side panel's form for each node type. A new type without an entry fails to compile. */
export const nodeInspectors = {
  start: StartInspector,
  message: MessageInspector,
  menu: MenuInspector,
  question: QuestionInspector,
  condition: ConditionInspector,
  set: SetInspector,
  http: HttpInspector,
  product_picker: ProductPickerInspector,
  financing: FinancingInspector,
  llm: LlmInspector,
  agent: AgentInspector,
  handoff: HandoffInspector,
  wait: WaitInspector,
  payment: PaymentInspector,
  goto: GotoInspector,
  end: EndInspector,
  note: NoteInspector,
  schedule: ScheduleInspector,
} satisfies { [T in NodeType]: ComponentType<InspectorProps<T>> };

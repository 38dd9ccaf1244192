import type { z } from 'zod';
import { agentData } from './agent.ts';
import { conditionData } from './condition.ts';
import { endData } from './end.ts';
import { financingData } from './financing.ts';
import { gotoData } from './goto.ts';
import { handoffData } from './handoff.ts';
import { httpData } from './http.ts';
import { llmData } from './llm.ts';
import { menuData } from './menu.ts';
import { messageData } from './message.ts';
import { noteData } from './note.ts';
import { paymentData } from './payment.ts';
import { productPickerData } from './product_picker.ts';
import { questionData } from './question.ts';
import { scheduleData } from './schedule.ts';
import { setData } from './set.ts';
import { startData } from './start.ts';
import { waitData } from './wait.ts';
import type { NodeType } from './kinds.ts';

/**
 * Each node type's data schema. What the studio needs to draw a flow (the types, their
 * outputs) lives apart in kinds.ts and outputs.ts, free of zod: importing this module
 * evaluates every schema, ~70 ms in a browser on a slow machine.
 */
export const nodeDefinitions = {
  start: { data: startData },
  message: { data: messageData },
  menu: { data: menuData },
  question: { data: questionData },
  condition: { data: conditionData },
  set: { data: setData },
  http: { data: httpData },
  product_picker: { data: productPickerData },
  financing: { data: financingData },
  llm: { data: llmData },
  agent: { data: agentData },
  handoff: { data: handoffData },
  wait: { data: waitData },
  goto: { data: gotoData },
  end: { data: endData },
  note: { data: noteData },
  schedule: { data: scheduleData },
  payment: { data: paymentData },
} as const satisfies Record<NodeType, { data: z.ZodType }>;

export type NodeDataByType = { [T in NodeType]: z.infer<(typeof nodeDefinitions)[T]['data']> };

export * from './kinds.ts';
export * from './outputs.ts';
export * from './agent.ts';
export * from './condition.ts';
export * from './end.ts';
export * from './financing.ts';
export * from './goto.ts';
export * from './handoff.ts';
export * from './http.ts';
export * from './llm.ts';
export * from './menu.ts';
export * from './message.ts';
export * from './note.ts';
export * from './payment.ts';
export * from './product_picker.ts';
export * from './question.ts';
export * from './schedule.ts';
export * from './set.ts';
export * from './start.ts';
export * from './wait.ts';
export * from './understand-ai.ts';

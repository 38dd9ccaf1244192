import type { z } from 'zod';
import { conditionData, conditionOutputs } from './condition.ts';
import { endData, endOutputs } from './end.ts';
import { financingData, financingOutputs } from './financing.ts';
import { gotoData, gotoOutputs } from './goto.ts';
import { handoffData, handoffOutputs } from './handoff.ts';
import { httpData, httpOutputs } from './http.ts';
import { llmData, llmOutputs } from './llm.ts';
import { menuData, menuOutputs } from './menu.ts';
import { messageData, messageOutputs } from './message.ts';
import { noteData, noteOutputs } from './note.ts';
import { productPickerData, productPickerOutputs } from './product_picker.ts';
import { questionData, questionOutputs } from './question.ts';
import { setData, setOutputs } from './set.ts';
import { startData, startOutputs } from './start.ts';
import { waitData, waitOutputs } from './wait.ts';

export const nodeTypes = [
  'start', 'message', 'menu', 'question', 'condition', 'set', 'http', 'product_picker',
  'financing', 'llm', 'handoff', 'wait', 'goto', 'end', 'note',
] as const;
export type NodeType = (typeof nodeTypes)[number];

/** Each node type's data schema and the output handles it offers for given data. */
export const nodeDefinitions = {
  start: { data: startData, outputs: startOutputs },
  message: { data: messageData, outputs: messageOutputs },
  menu: { data: menuData, outputs: menuOutputs },
  question: { data: questionData, outputs: questionOutputs },
  condition: { data: conditionData, outputs: conditionOutputs },
  set: { data: setData, outputs: setOutputs },
  http: { data: httpData, outputs: httpOutputs },
  product_picker: { data: productPickerData, outputs: productPickerOutputs },
  financing: { data: financingData, outputs: financingOutputs },
  llm: { data: llmData, outputs: llmOutputs },
  handoff: { data: handoffData, outputs: handoffOutputs },
  wait: { data: waitData, outputs: waitOutputs },
  goto: { data: gotoData, outputs: gotoOutputs },
  end: { data: endData, outputs: endOutputs },
  note: { data: noteData, outputs: noteOutputs },
} as const satisfies Record<NodeType, { data: z.ZodType; outputs: (d: never) => string[] }>;

export type NodeDataByType = { [T in NodeType]: z.infer<(typeof nodeDefinitions)[T]['data']> };

/** Node types that wait for the contact, so a cycle through them is not a runaway loop. */
export const waitingNodeTypes: ReadonlySet<NodeType> = new Set([
  'menu', 'question', 'product_picker', 'llm', 'handoff', 'wait',
]);

/** Outputs that mean "something went wrong or nobody answered": drawn apart in the studio. */
export const exceptionalOutputs: ReadonlySet<string> = new Set(['invalid', 'timeout', 'error', 'else']);

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
export * from './product_picker.ts';
export * from './question.ts';
export * from './set.ts';
export * from './start.ts';
export * from './wait.ts';

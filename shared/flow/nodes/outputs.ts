import type { ConditionData } from './condition.ts';
import { waitingNodeTypes, type NodeType } from './kinds.ts';
import type { MenuData } from './menu.ts';
import type { MessageData } from './message.ts';

/**
 * The output handles each node type offers for given data, in display order. Apart from the
 * schemas (only their types are imported) so the studio can draw a flow without loading zod.
 */
export const optionHandle = (optionId: string) => `opt-${optionId}`;
export const ruleHandle = (ruleId: string) => `rule-${ruleId}`;

export const menuOutputs = (d: Pick<MenuData, 'options'>) => [
  ...d.options.map((o) => optionHandle(o.id)),
  'invalid',
  'timeout',
];
/**
 * A block sending a template with quick replies waits for a tap: one output per quick reply,
 * `invalid` for any other answer, `timeout`. Otherwise a message goes on through `next`.
 */
export const messageOutputs = (d: Pick<MessageData, 'template' | 'templateWhen'>) => {
  const replies =
    d.template && d.templateWhen === 'always' ? d.template.buttons.filter((b) => b.kind === 'quick_reply') : [];
  return replies.length ? [...replies.map((b) => optionHandle(b.id)), 'invalid', 'timeout'] : ['next'];
};
export const conditionOutputs = (d: Pick<ConditionData, 'rules'>) => [...d.rules.map((r) => ruleHandle(r.id)), 'else'];

/** The outputs of the types whose outputs do not depend on their data. */
export const fixedOutputs = {
  start: ['next'],
  question: ['next', 'invalid', 'timeout'],
  set: ['next'],
  http: ['ok', 'error'],
  product_picker: ['confirmed', 'cancelled', 'timeout'],
  financing: ['next'],
  llm: ['next', 'escalate', 'error'],
  agent: ['done', 'escalate', 'error'],
  handoff: ['resolved'],
  wait: ['reply', 'timeout'],
  goto: [],
  end: [],
  note: [],
  schedule: ['booked', 'cancelled', 'none', 'timeout'],
  payment: ['paid', 'expired', 'error'],
} as const satisfies Record<Exclude<NodeType, 'menu' | 'condition' | 'message'>, readonly string[]>;

/**
 * Where a block that sends a free-form message goes when the contact's 24-hour window is
 * closed (Meta would refuse the send). An extra output, not listed by `outputsOfType`: most
 * flows answer people who just wrote and never need it, so it is offered (and drawn) apart.
 */
export const windowClosedOutput = 'window_closed';

/** The types whose entry sends a free-form message, so they may take `window_closed`. */
export const windowSensitiveTypes: ReadonlySet<NodeType> = new Set([
  'message',
  'menu',
  'question',
  'product_picker',
  'financing',
  'llm',
  'payment',
]);

export type FixedOutputType = keyof typeof fixedOutputs;

/** A node's outputs; data is only read for menus, conditions and messages (template quick replies). */
export function outputsOfType(
  node:
    | { type: 'menu'; data: Pick<MenuData, 'options'> }
    | { type: 'condition'; data: Pick<ConditionData, 'rules'> }
    | { type: 'message'; data: Pick<MessageData, 'template' | 'templateWhen'> }
    | { type: FixedOutputType },
): string[] {
  if (node.type === 'menu') return menuOutputs(node.data);
  if (node.type === 'message') return messageOutputs(node.data);
  if (node.type === 'condition') return conditionOutputs(node.data);
  return [...fixedOutputs[node.type]];
}

/** Whether a node waits for the contact: the waiting types, and a message sending a template with quick replies. */
export function waitsForContact(
  node:
    { type: 'message'; data: Pick<MessageData, 'template' | 'templateWhen'> } | { type: Exclude<NodeType, 'message'> },
): boolean {
  if (node.type === 'message') return messageOutputs(node.data).includes('timeout');
  return waitingNodeTypes.has(node.type);
}

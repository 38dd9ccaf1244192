import type { ConditionData } from './condition.ts';
import type { NodeType } from './kinds.ts';
import type { MenuData } from './menu.ts';

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
export const conditionOutputs = (d: Pick<ConditionData, 'rules'>) => [...d.rules.map((r) => ruleHandle(r.id)), 'else'];

/** The outputs of the types whose outputs do not depend on their data. */
export const fixedOutputs = {
  start: ['next'],
  message: ['next'],
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
} as const satisfies Record<Exclude<NodeType, 'menu' | 'condition'>, readonly string[]>;

export type FixedOutputType = keyof typeof fixedOutputs;

/** A node's outputs; data is only read for menus (one per option) and conditions (one per rule). */
export function outputsOfType(
  node:
    | { type: 'menu'; data: Pick<MenuData, 'options'> }
    | { type: 'condition'; data: Pick<ConditionData, 'rules'> }
    | { type: FixedOutputType },
): string[] {
  if (node.type === 'menu') return menuOutputs(node.data);
  if (node.type === 'condition') return conditionOutputs(node.data);
  return [...fixedOutputs[node.type]];
}

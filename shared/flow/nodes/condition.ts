import { z } from 'zod';
import { localId, templateText } from '../common.ts';

export const conditionOperators = [
  'equals',
  'not_equals',
  'contains',
  'gt',
  'lt',
  'gte',
  'lte',
  'regex',
  'empty',
  'not_empty',
] as const;
export type ConditionOperator = (typeof conditionOperators)[number];

export const conditionRule = z.object({
  id: localId,
  /** A variable path, e.g. `score` or `pedido.total`. */
  variable: z.string().min(1),
  operator: z.enum(conditionOperators),
  value: templateText.default(''),
});
export type ConditionRule = z.infer<typeof conditionRule>;

export const conditionData = z.object({
  /** Checked in order; the first rule that holds picks the output. */
  rules: z.array(conditionRule).default([]),
});
export type ConditionData = z.infer<typeof conditionData>;

import { z } from 'zod';
import { templateText, timeoutMinutes, variableName } from '../common.ts';

export const productPickerData = z.object({
  text: templateText.default('Escolha uma categoria:'),
  /** Only these categories are offered; empty offers every category. */
  categoryIds: z.array(z.string()).default([]),
  maxQuantity: z.number().int().min(1).max(9999).default(99),
  /** The confirmed cart (items and total) is stored in this variable. */
  cartVariable: variableName.default('pedido'),
  timeoutMinutes,
});
export type ProductPickerData = z.infer<typeof productPickerData>;
export const productPickerOutputs = (_: ProductPickerData) => ['confirmed', 'cancelled', 'timeout'];

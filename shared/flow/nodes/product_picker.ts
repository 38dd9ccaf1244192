import { z } from 'zod';
import { templateText, timeoutMinutes, variableName } from '../common.ts';

export const productPickerData = z.object({
  /**
   * `cart`: category → product → quantity → "adicionar mais?" → summary → confirm.
   * `single`: category → product card; the chosen product is stored and `confirmed` follows
   * (property listings, where a contact picks one item to talk about).
   */
  mode: z.enum(['cart', 'single']).default('cart'),
  text: templateText.default('Escolha uma categoria:'),
  /** Only these categories are offered; empty offers every category. */
  categoryIds: z.array(z.string()).default([]),
  maxQuantity: z.number().int().min(1).max(9999).default(99),
  /** The confirmed cart (`itens`, `total`, `resumo`) or, in `single` mode, the chosen product. */
  variable: variableName.default('pedido'),
  /**
   * Cart mode: the variables the order's delivery address, notes and payment method are read
   * from when the contact confirms (a variable the flow never set leaves the field empty).
   * The flow may ask them before the picker, or the picker asks the address itself after the
   * confirmation, with `addressQuestion`, when the variable is still empty.
   */
  addressQuestion: templateText.max(1024).default(''),
  addressVariable: variableName.default('endereco'),
  notesVariable: variableName.default('observacoes'),
  paymentVariable: variableName.default('pagamento'),
  timeoutMinutes,
});
export type ProductPickerData = z.infer<typeof productPickerData>;

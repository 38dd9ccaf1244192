import { z } from 'zod';
import { templateText, timeoutMinutes, variableName, whenWindowClosed } from '../common.ts';

/** What the picker says besides the first question; each editable per block, these defaults otherwise. */
export const pickerTexts = z.object({
  chooseProduct: templateText.max(1024).default('Escolha um produto:'),
  chooseVariant: templateText.max(1024).default('Escolha uma opção:'),
  nothingAvailable: templateText.max(1024).default('Nenhum produto disponível no momento.'),
  categoryEmpty: templateText.max(1024).default('Nenhum produto disponível nesta categoria. Escolha outra:'),
  notUnderstood: templateText.max(1024).default('Não entendi 🙂 Escolha uma das opções.'),
  addMore: templateText.max(200).default('Adicionar mais itens?'),
});
export type PickerTexts = z.infer<typeof pickerTexts>;

export const productPickerData = z.object({
  windowClosed: whenWindowClosed,
  /**
   * `cart`: category → product → quantity → "adicionar mais?" → summary → confirm.
   * `single`: category → product card; the chosen product is stored and `confirmed` follows
   * (property listings, where a contact picks one item to talk about).
   */
  mode: z.enum(['cart', 'single']).default('cart'),
  text: templateText.default('Escolha uma categoria:'),
  /** The catalog offered; null: the channel's catalog, or the default one. */
  catalogId: z.string().nullable().default(null),
  /** Only these categories (of the catalog) are offered; empty offers every category. Chosen by name in the studio. */
  categoryIds: z.array(z.string()).default([]),
  /** Only products whose free attributes have these values (`quartos: 3`, `bairro: Centro`; case and accents ignored). */
  attributeFilters: z.record(z.string(), z.string()).default({}),
  texts: pickerTexts.prefault({}),
  /**
   * "Enviar como mensagem de produto do WhatsApp": when the catalog is linked to a Meta commerce
   * catalog and synced, the products go as a `product_list` (a section per category) instead of
   * lists of rows, and the contact's cart comes back as an `order`. Elsewhere (the simulator, an
   * unlinked catalog) the picker asks with lists as usual.
   */
  productMessages: z.boolean().default(false),
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

import { z } from 'zod';
import { updateRequestOf } from './common.ts';

export const category = z.object({ id: z.string(), name: z.string(), position: z.number().int() });
export const createCategoryRequest = z.object({
  name: z.string().trim().min(1).max(24, 'o nome da categoria aparece numa lista do WhatsApp: até 24 caracteres'),
  position: z.number().int().min(0).default(0),
});
/** Only the fields sent change. */
export const updateCategoryRequest = updateRequestOf(createCategoryRequest);

export const product = z.object({
  id: z.string(),
  categoryId: z.string(),
  sku: z.string().nullable(),
  name: z.string(),
  description: z.string(),
  priceCents: z.number().int(),
  imageUrl: z.string().nullable(),
  stock: z.number().int().nullable(),
  active: z.boolean(),
});
export type Product = z.infer<typeof product>;

export const createProductRequest = z.object({
  categoryId: z.string().min(1),
  sku: z.string().trim().max(60).nullable().default(null),
  name: z.string().trim().min(1).max(24, 'o nome aparece numa lista do WhatsApp: até 24 caracteres'),
  description: z.string().trim().max(1000).default(''),
  priceCents: z.number().int().min(0),
  imageUrl: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .default(null),
  stock: z.number().int().min(0).nullable().default(null),
  active: z.boolean().default(true),
});
/** Only the fields sent change; `null` clears `sku`, `imageUrl` or `stock`. */
export const updateProductRequest = updateRequestOf(createProductRequest);

export const catalogResponse = z.object({ categories: z.array(category), products: z.array(product) });
export const productResponse = z.object({ product });
export const categoryResponse = z.object({ category });

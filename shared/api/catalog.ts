import { z } from 'zod';
import { updateRequestOf } from './common.ts';

/** The catalog everything belonged to before there were several; it cannot be deleted. */
export const defaultCatalogId = 'default';

export const catalog = z.object({
  id: z.string(),
  name: z.string(),
  categories: z.number().int(),
  products: z.number().int(),
});
export const createCatalogRequest = z.object({ name: z.string().trim().min(1).max(60) });
export const updateCatalogRequest = createCatalogRequest;
export const catalogsResponse = z.object({ catalogs: z.array(catalog) });
export const catalogItemResponse = z.object({ catalog });

export const category = z.object({
  id: z.string(),
  catalogId: z.string(),
  name: z.string(),
  position: z.number().int(),
});
export const createCategoryRequest = z.object({
  catalogId: z.string().min(1).max(100).default(defaultCatalogId),
  name: z.string().trim().min(1).max(24, 'o nome da categoria aparece numa lista do WhatsApp: até 24 caracteres'),
  position: z.number().int().min(0).default(0),
});
/** Only the fields sent change. */
export const updateCategoryRequest = updateRequestOf(createCategoryRequest);

export const productVariant = z.object({
  id: z.string(),
  name: z.string(),
  priceCents: z.number().int(),
  promoPriceCents: z.number().int().nullable(),
  stock: z.number().int().nullable(),
  sku: z.string().nullable(),
});
export const productPhoto = z.object({ id: z.string(), url: z.string(), width: z.number(), height: z.number() });

export const product = z.object({
  id: z.string(),
  categoryId: z.string(),
  sku: z.string().nullable(),
  name: z.string(),
  description: z.string(),
  priceCents: z.number().int(),
  promoPriceCents: z.number().int().nullable(),
  imageUrl: z.string().nullable(),
  stock: z.number().int().nullable(),
  attributes: z.record(z.string(), z.string()),
  variants: z.array(productVariant),
  photos: z.array(productPhoto),
  active: z.boolean(),
});
export type Product = z.infer<typeof product>;

export const createProductRequest = z.object({
  categoryId: z.string().min(1),
  sku: z.string().trim().max(60).nullable().default(null),
  name: z.string().trim().min(1).max(24, 'o nome aparece numa lista do WhatsApp: até 24 caracteres'),
  description: z.string().trim().max(1000).default(''),
  priceCents: z.number().int().min(0),
  promoPriceCents: z.number().int().min(0).nullable().default(null),
  imageUrl: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .default(null),
  stock: z.number().int().min(0).nullable().default(null),
  /** Free attributes the picker filters by: `{ "quartos": "3", "bairro": "Centro" }`. */
  attributes: z
    .record(z.string().trim().min(1).max(40), z.string().trim().max(200))
    .refine((a) => Object.keys(a).length <= 30, 'até 30 atributos')
    .default({}),
  /** Sizes or flavours with their own price and stock; sent whole (the list replaces the stored one). */
  variants: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(24, 'a variante aparece numa lista do WhatsApp: até 24 caracteres'),
        priceCents: z.number().int().min(0),
        promoPriceCents: z.number().int().min(0).nullable().default(null),
        stock: z.number().int().min(0).nullable().default(null),
        sku: z.string().trim().max(60).nullable().default(null),
      }),
    )
    .max(10, 'até 10 variantes (uma lista do WhatsApp)')
    .refine((v) => new Set(v.map((x) => x.name)).size === v.length, 'variantes com o mesmo nome')
    .default([]),
  active: z.boolean().default(true),
});
/** Only the fields sent change; `null` clears `sku`, `imageUrl` or `stock`. */
export const updateProductRequest = updateRequestOf(createProductRequest);

export const catalogResponse = z.object({ categories: z.array(category), products: z.array(product) });
export const catalogQuery = z.object({ catalogId: z.string().min(1).max(100).optional() });
export const photoResponse = z.object({ photo: productPhoto });
/** Every photo id of the product, in the new order. */
export const reorderPhotosRequest = z.object({ photoIds: z.array(z.string().min(1).max(100)).max(50) });
export const productResponse = z.object({ product });
export const categoryResponse = z.object({ category });

export const importCatalogRequest = z.object({
  csv: z
    .string()
    .min(1)
    .max(5 * 1024 * 1024),
});
export const importCatalogResponse = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })),
});

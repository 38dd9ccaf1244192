import { z } from 'zod';

/**
 * WhatsApp's multi-product message (`product_list`) and single-product message (`product`), as
 * Meta takes them (META-WHATSAPP.md §5): up to 30 products in up to 10 sections, a header
 * always, a title on every section. The engine builds these and this schema is the check.
 */
export const productMessageLimits = {
  products: 30,
  sections: 10,
  sectionTitle: 24,
  header: 60,
  body: 1024,
  footer: 60,
} as const;

const retailerId = z.string().min(1).max(100);

export const productListSection = z.object({
  title: z.string().min(1).max(productMessageLimits.sectionTitle),
  retailerIds: z.array(retailerId).min(1),
});

/** The message's shape (the outbound contract); `productListMessage` adds the count check. */
export const productListShape = z.object({
  kind: z.literal('product_list'),
  /** Meta's commerce catalog id the retailer ids belong to. */
  catalogId: z.string().min(1),
  header: z.string().min(1).max(productMessageLimits.header),
  body: z.string().min(1).max(productMessageLimits.body),
  footer: z.string().max(productMessageLimits.footer).optional(),
  sections: z.array(productListSection).min(1).max(productMessageLimits.sections),
});

export const productListMessage = productListShape.refine(
  (m) => m.sections.reduce((n, s) => n + s.retailerIds.length, 0) <= productMessageLimits.products,
  `até ${productMessageLimits.products} produtos numa mensagem`,
);

export const singleProductMessage = z.object({
  kind: z.literal('product'),
  catalogId: z.string().min(1),
  retailerId,
  /** A single-product message has no header: only body and footer. */
  body: z.string().max(productMessageLimits.body).optional(),
  footer: z.string().max(productMessageLimits.footer).optional(),
});

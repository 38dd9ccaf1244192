/**
 * The id Meta knows an item by (`retailer_id`, the `product_retailer_id` a cart comes back with):
 * the SKU the shop gave it, else Fluxo's own id, so a product without a code still syncs. A
 * variant is an item of its own (grouped under the product's id); it takes its SKU, else the
 * product's code and the variant's id.
 */
export interface RetailerSource {
  id: string;
  sku?: string | null | undefined;
}

const clean = (sku: string | null | undefined) => (sku ?? '').trim();

export function productRetailerId(p: RetailerSource): string {
  return clean(p.sku) || p.id;
}

export function variantRetailerId(p: RetailerSource, v: RetailerSource): string {
  return clean(v.sku) || `${productRetailerId(p)}-${v.id}`;
}

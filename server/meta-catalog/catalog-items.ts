import { createHash } from 'node:crypto';
import type { Product } from '../../shared/api/catalog.ts';
import { productRetailerId, variantRetailerId } from '../../shared/meta-catalog/retailer-id.ts';

/** One item as Meta's `items_batch` takes it (`item_type: PRODUCT_ITEM`). */
export interface MetaItemData {
  id: string;
  title: string;
  description: string;
  availability: 'in stock' | 'out of stock';
  condition: 'new';
  /** "12.50 BRL": Meta's price text, the amount with a dot and the ISO currency. */
  price: string;
  sale_price?: string;
  image_link?: string;
  link?: string;
  brand?: string;
  /** Variants of one product share it: Meta shows them as options of one item. */
  item_group_id?: string;
}

export interface MetaItem {
  retailerId: string;
  data: MetaItemData;
  /** Of `data`: equal hashes mean Meta already has this item as it is. */
  hash: string;
}

export interface ItemOptions {
  brand: string;
  link: string | null;
}

export const metaPrice = (cents: number) => `${(cents / 100).toFixed(2)} BRL`;

const inStock = (stock: number | null) => (stock === null || stock > 0 ? 'in stock' : 'out of stock');

/** Meta wants a description; a product without one is described by its name. */
const describe = (p: Product) => p.description.trim() || p.name;

function item(data: MetaItemData): MetaItem {
  // Keys are always written in the same order above, so the JSON is a stable fingerprint.
  return { retailerId: data.id, data, hash: createHash('sha256').update(JSON.stringify(data)).digest('hex') };
}

/**
 * The catalog's active products as Meta items: a product sold as is is one item; a product
 * with variants is one item per variant, grouped under the product's retailer id, each with
 * its own price, promotional price and stock. The picture is the product's first photo.
 */
export function catalogItems(products: Product[], options: ItemOptions): MetaItem[] {
  return products
    .filter((p) => p.active)
    .flatMap((p) => {
      const common = {
        description: describe(p),
        condition: 'new' as const,
        ...(p.photos[0] || p.imageUrl ? { image_link: p.photos[0]?.url ?? p.imageUrl ?? '' } : {}),
        ...(options.link ? { link: options.link } : {}),
        brand: options.brand,
      };
      if (p.variants.length === 0)
        return [
          item({
            id: productRetailerId(p),
            title: p.name,
            availability: inStock(p.stock),
            price: metaPrice(p.priceCents),
            ...(p.promoPriceCents !== null && { sale_price: metaPrice(p.promoPriceCents) }),
            ...common,
          }),
        ];
      return p.variants.map((v) =>
        item({
          id: variantRetailerId(p, v),
          title: `${p.name} (${v.name})`,
          // A variant sells only while the product has stock too (when the product tracks it).
          availability: p.stock === 0 ? 'out of stock' : inStock(v.stock),
          price: metaPrice(v.priceCents),
          ...(v.promoPriceCents !== null && { sale_price: metaPrice(v.promoPriceCents) }),
          ...common,
          item_group_id: productRetailerId(p),
        }),
      );
    });
}

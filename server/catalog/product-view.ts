import type { z } from 'zod';
import type { category, product } from '../../shared/api/catalog.ts';
import type { Executor } from '../db/database.ts';
import { listPhotos, listVariants, type CategoryRow, type ProductRow } from '../db/queries/catalog.ts';
import { photoUrl } from './photo-url.ts';

export const categoryView = (k: CategoryRow): z.infer<typeof category> => ({
  id: k.id,
  catalogId: k.catalog_id,
  name: k.name,
  position: k.position,
});

/** Products as the API shows them, with their variants and photos (two queries for the lot). */
export async function productViews(
  db: Executor,
  rows: ProductRow[],
  publicUrl: string,
): Promise<z.infer<typeof product>[]> {
  const ids = rows.map((p) => p.id);
  const [variants, photos] = await Promise.all([listVariants(db, ids), listPhotos(db, ids)]);
  return rows.map((p) => ({
    id: p.id,
    categoryId: p.category_id,
    sku: p.sku,
    name: p.name,
    description: p.description,
    priceCents: p.price_cents,
    promoPriceCents: p.promo_price_cents,
    imageUrl: p.image_url,
    stock: p.stock,
    attributes: p.attributes,
    variants: variants
      .filter((v) => v.product_id === p.id)
      .map((v) => ({
        id: v.id,
        name: v.name,
        priceCents: v.price_cents,
        promoPriceCents: v.promo_price_cents,
        stock: v.stock,
        sku: v.sku,
      })),
    photos: photos
      .filter((f) => f.product_id === p.id)
      .map((f) => ({ id: f.id, url: photoUrl(publicUrl, f.token), width: f.width, height: f.height })),
    active: p.active,
  }));
}

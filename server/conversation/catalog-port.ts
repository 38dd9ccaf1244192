import type { CatalogPort, Product, ProductVariant } from '../../runtime/ports.ts';
import type { Db } from '../db/database.ts';
import { defaultCatalogId } from '../db/queries/catalogs.ts';
import type { Row } from '../db/tables.ts';
import { photoUrl } from '../catalog/photo-url.ts';
import { syncedMetaCatalogId } from '../meta-catalog/link-store.ts';

export interface CatalogPortOptions {
  /** The public base URL photos are linked from (Meta downloads them); relative links without it. */
  publicUrl?: string | null;
  /** WhatsApp conversations offer Meta product messages when the catalog is synced; the simulator does not. */
  productMessages?: boolean;
}

const toVariant = (v: Row<'product_variants'>): ProductVariant => ({
  id: v.id,
  name: v.name,
  priceCents: v.price_cents,
  promoPriceCents: v.promo_price_cents,
  stock: v.stock,
  sku: v.sku,
});

/**
 * The port as one channel's conversations see it: a block that names no catalog (and the agent)
 * is offered the channel's catalog instead of the main one.
 */
export function catalogOfChannel(port: CatalogPort, channelCatalogId: string | null | undefined): CatalogPort {
  if (!channelCatalogId) return port;
  return {
    categories: (ids, catalogId) => port.categories(ids, catalogId ?? channelCatalogId),
    products: (categoryId) => port.products(categoryId),
    product: (id) => port.product(id),
    ...(port.metaCatalog && {
      metaCatalog: (catalogId: string | null) => port.metaCatalog!(catalogId ?? channelCatalogId),
    }),
  };
}

/** The catalog as the product picker (and the agent) sees it: active products only, in name order. */
export function createCatalogPort(db: Db, options: CatalogPortOptions = {}): CatalogPort {
  /** Products with their variants, attributes and first photo (which replaces a pasted image URL). */
  async function withDetails(rows: Row<'products'>[]): Promise<Product[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((p) => p.id);
    const [variants, photos] = await Promise.all([
      db
        .selectFrom('product_variants')
        .selectAll()
        .where('product_id', 'in', ids)
        .orderBy('position')
        .orderBy('name')
        .execute(),
      db
        .selectFrom('product_photos')
        .select(['product_id', 'token'])
        .where('product_id', 'in', ids)
        .orderBy('position')
        .orderBy('created_at')
        .execute(),
    ]);
    return rows.map((p) => {
      const photo = photos.find((f) => f.product_id === p.id);
      return {
        id: p.id,
        categoryId: p.category_id,
        name: p.name,
        description: p.description,
        priceCents: p.price_cents,
        promoPriceCents: p.promo_price_cents,
        imageUrl: photo ? photoUrl(options.publicUrl ?? null, photo.token) : p.image_url,
        stock: p.stock,
        variants: variants.filter((v) => v.product_id === p.id).map(toVariant),
        attributes: p.attributes,
        sku: p.sku,
      };
    });
  }

  return {
    ...(options.productMessages && {
      metaCatalog: (catalogId: string | null) => syncedMetaCatalogId(db, catalogId ?? defaultCatalogId),
    }),
    async categories(ids, catalogId) {
      let q = db.selectFrom('categories').select(['id', 'name']).orderBy('position').orderBy('name');
      if (ids.length) q = q.where('id', 'in', ids);
      else q = q.where('catalog_id', '=', catalogId ?? defaultCatalogId);
      return q.execute();
    },
    async products(categoryId) {
      const rows = await db
        .selectFrom('products')
        .selectAll()
        .where('category_id', '=', categoryId)
        .where('active', '=', true)
        .orderBy('name')
        .execute();
      return withDetails(rows);
    },
    async product(id) {
      const row = await db
        .selectFrom('products')
        .selectAll()
        .where('id', '=', id)
        .where('active', '=', true)
        .executeTakeFirst();
      return row ? ((await withDetails([row]))[0] ?? null) : null;
    },
  };
}

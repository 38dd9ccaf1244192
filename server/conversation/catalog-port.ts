import type { CatalogPort, Product } from '../../runtime/ports.ts';
import type { Db } from '../db/database.ts';
import type { Row } from '../db/tables.ts';

const toProduct = (p: Row<'products'>): Product => ({
  id: p.id,
  categoryId: p.category_id,
  name: p.name,
  description: p.description,
  priceCents: p.price_cents,
  imageUrl: p.image_url,
  stock: p.stock,
});

/** The catalog as the product picker sees it: active products only, in name order. */
export function createCatalogPort(db: Db): CatalogPort {
  return {
    async categories(ids) {
      let q = db.selectFrom('categories').select(['id', 'name']).orderBy('position').orderBy('name');
      if (ids.length) q = q.where('id', 'in', ids);
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
      return rows.map(toProduct);
    },
    async product(id) {
      const row = await db
        .selectFrom('products')
        .selectAll()
        .where('id', '=', id)
        .where('active', '=', true)
        .executeTakeFirst();
      return row ? toProduct(row) : null;
    },
  };
}

import type { Executor } from '../db/database.ts';
import { skuTaken } from '../db/queries/catalog.ts';
import { insertCategory, insertProduct, listCategories, replaceVariants } from '../db/queries/catalog.ts';
import type { CsvLineError, CsvProduct } from './catalog-csv.ts';

export interface CatalogImportResult {
  created: number;
  updated: number;
  rejected: CsvLineError[];
}

/**
 * Writes imported products into one catalog: a line with a SKU updates the product with that SKU,
 * one without updates the product of the same name in the same category; anything else is new.
 * Missing categories are created by name. Importing the same file twice changes nothing more.
 */
export async function importCatalog(
  db: Executor,
  catalogId: string,
  products: (CsvProduct & { line: number })[],
  now: Date,
): Promise<CatalogImportResult> {
  const categories = new Map((await listCategories(db, catalogId)).map((c) => [c.name, c.id]));
  const result: CatalogImportResult = { created: 0, updated: 0, rejected: [] };
  for (const p of products) {
    let categoryId = categories.get(p.category);
    if (!categoryId) {
      categoryId = (await insertCategory(db, { catalog_id: catalogId, name: p.category, position: categories.size }))
        .id;
      categories.set(p.category, categoryId);
    }
    const existing = p.sku
      ? await db
          .selectFrom('products')
          .innerJoin('categories', 'categories.id', 'products.category_id')
          .select(['products.id', 'categories.catalog_id'])
          .where('products.sku', '=', p.sku)
          .executeTakeFirst()
      : await db
          .selectFrom('products')
          .select(['id'])
          .select((eb) => eb.val(catalogId).as('catalog_id'))
          .where('category_id', '=', categoryId)
          .where('name', '=', p.name)
          .executeTakeFirst();
    if (existing && existing.catalog_id !== catalogId) {
      result.rejected.push({ line: p.line, reason: `o SKU "${p.sku}" já é de um produto de outro catálogo` });
      continue;
    }
    const variantClash = await takenVariantSku(db, catalogId, p, existing?.id ?? null);
    if (variantClash) {
      result.rejected.push({ line: p.line, reason: variantClash });
      continue;
    }
    const values = {
      category_id: categoryId,
      sku: p.sku,
      name: p.name,
      description: p.description,
      price_cents: p.priceCents,
      promo_price_cents: p.promoPriceCents,
      stock: p.stock,
      active: p.active,
      attributes: JSON.stringify(p.attributes),
      image_url: p.imageUrl,
    };
    let productId: string;
    if (existing) {
      await db
        .updateTable('products')
        .set({ ...values, updated_at: now })
        .where('id', '=', existing.id)
        .execute();
      productId = existing.id;
      result.updated++;
    } else {
      productId = (await insertProduct(db, values)).id;
      result.created++;
    }
    await replaceVariants(db, productId, p.variants);
  }
  return result;
}

/**
 * Why the line's variant SKUs cannot be written, or null when they can: a SKU repeated on the
 * line, or already a product's, or a variant's of another product of this catalog (the shop
 * tells its stock apart by them, so one code names one thing).
 */
async function takenVariantSku(
  db: Executor,
  catalogId: string,
  p: CsvProduct,
  productId: string | null,
): Promise<string | null> {
  const seen = new Set<string>();
  for (const v of p.variants) {
    if (!v.sku) continue;
    if (seen.has(v.sku) || v.sku === p.sku) return `o SKU "${v.sku}" aparece mais de uma vez na linha`;
    seen.add(v.sku);
    if (await skuTaken(db, v.sku)) return `o SKU "${v.sku}" da variante ${v.name} já é de um produto`;
    let other = db
      .selectFrom('product_variants')
      .innerJoin('products', 'products.id', 'product_variants.product_id')
      .innerJoin('categories', 'categories.id', 'products.category_id')
      .select('products.name')
      .where('categories.catalog_id', '=', catalogId)
      .where('product_variants.sku', '=', v.sku);
    if (productId) other = other.where('products.id', '<>', productId);
    const owner = await other.executeTakeFirst();
    if (owner) return `o SKU "${v.sku}" da variante ${v.name} já é de uma variante de ${owner.name}`;
  }
  return null;
}

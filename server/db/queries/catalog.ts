import { randomUUID } from 'node:crypto';
import type { Executor } from '../database.ts';
import type { NewRow, Row, RowUpdate } from '../tables.ts';

export type ProductRow = Row<'products'>;
export type CategoryRow = Row<'categories'>;

/** The whole catalog as the studio lists it: categories by position then name, products by name. */
export async function listCatalog(db: Executor): Promise<{ categories: CategoryRow[]; products: ProductRow[] }> {
  const [categories, products] = await Promise.all([
    db.selectFrom('categories').selectAll().orderBy('position').orderBy('name').execute(),
    db.selectFrom('products').selectAll().orderBy('name').execute(),
  ]);
  return { categories, products };
}

export async function categoryExists(db: Executor, id: string): Promise<boolean> {
  return (await db.selectFrom('categories').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** Whether another product (not `exceptId`) already uses the SKU. */
export async function skuTaken(db: Executor, sku: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('products').select('id').where('sku', '=', sku);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertProduct(db: Executor, values: Omit<NewRow<'products'>, 'id'>): Promise<ProductRow> {
  return db
    .insertInto('products')
    .values({ id: randomUUID(), ...values })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The updated product, or undefined when it does not exist. */
export async function updateProduct(
  db: Executor,
  id: string,
  changes: RowUpdate<'products'>,
): Promise<ProductRow | undefined> {
  return db.updateTable('products').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}

/** Whether a product was deleted (false: it did not exist). Orders keep their own copy of name and price. */
export async function deleteProduct(db: Executor, id: string): Promise<boolean> {
  return (await db.deleteFrom('products').where('id', '=', id).returning('id').executeTakeFirst()) !== undefined;
}

/** Whether another category (not `exceptId`) of the catalog already has the name. */
export async function categoryNameTaken(
  db: Executor,
  catalogId: string,
  name: string,
  exceptId?: string,
): Promise<boolean> {
  let q = db.selectFrom('categories').select('id').where('catalog_id', '=', catalogId).where('name', '=', name);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertCategory(db: Executor, values: Omit<NewRow<'categories'>, 'id'>): Promise<CategoryRow> {
  return db
    .insertInto('categories')
    .values({ id: randomUUID(), ...values })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The category after the changes (read as is when there are none), or undefined when it does not exist. */
export async function updateCategory(
  db: Executor,
  id: string,
  changes: RowUpdate<'categories'>,
): Promise<CategoryRow | undefined> {
  return Object.keys(changes).length
    ? db.updateTable('categories').set(changes).where('id', '=', id).returningAll().executeTakeFirst()
    : db.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function categoryHasProducts(db: Executor, id: string): Promise<boolean> {
  return (await db.selectFrom('products').select('id').where('category_id', '=', id).executeTakeFirst()) !== undefined;
}

/** Whether a category was deleted (false: it did not exist). */
export async function deleteCategory(db: Executor, id: string): Promise<boolean> {
  return (await db.deleteFrom('categories').where('id', '=', id).returning('id').executeTakeFirst()) !== undefined;
}

export type VariantRow = Row<'product_variants'>;
export type PhotoListRow = Pick<Row<'product_photos'>, 'id' | 'product_id' | 'token' | 'width' | 'height'>;

/** The categories of one catalog, by position then name. */
export async function listCategories(db: Executor, catalogId: string): Promise<CategoryRow[]> {
  return db
    .selectFrom('categories')
    .selectAll()
    .where('catalog_id', '=', catalogId)
    .orderBy('position')
    .orderBy('name')
    .execute();
}

/** The products of one catalog (through their categories), by name. */
export async function listCatalogProducts(db: Executor, catalogId: string): Promise<ProductRow[]> {
  return db
    .selectFrom('products')
    .innerJoin('categories', 'categories.id', 'products.category_id')
    .selectAll('products')
    .where('categories.catalog_id', '=', catalogId)
    .orderBy('products.name')
    .execute();
}

export async function listVariants(db: Executor, productIds: string[]): Promise<VariantRow[]> {
  if (productIds.length === 0) return [];
  return db
    .selectFrom('product_variants')
    .selectAll()
    .where('product_id', 'in', productIds)
    .orderBy('position')
    .orderBy('name')
    .execute();
}

export async function listPhotos(db: Executor, productIds: string[]): Promise<PhotoListRow[]> {
  if (productIds.length === 0) return [];
  return db
    .selectFrom('product_photos')
    .select(['id', 'product_id', 'token', 'width', 'height'])
    .where('product_id', 'in', productIds)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
}

export interface VariantInput {
  name: string;
  priceCents: number;
  promoPriceCents: number | null;
  stock: number | null;
  /** Absent (a CSV import): a kept variant keeps its SKU. */
  sku?: string | null;
}

/**
 * Makes the product's variants exactly these, matched by name: a kept variant keeps its id, so
 * orders that reserved its stock still give the units back on cancel.
 */
export async function replaceVariants(db: Executor, productId: string, variants: VariantInput[]): Promise<void> {
  const names = variants.map((v) => v.name);
  let gone = db.deleteFrom('product_variants').where('product_id', '=', productId);
  if (names.length) gone = gone.where('name', 'not in', names);
  await gone.execute();
  for (const [position, v] of variants.entries()) {
    const values = {
      price_cents: v.priceCents,
      promo_price_cents: v.promoPriceCents,
      stock: v.stock,
      sku: v.sku,
      position,
    };
    await db
      .insertInto('product_variants')
      .values({ id: randomUUID(), product_id: productId, name: v.name, ...values })
      .onConflict((oc) => oc.columns(['product_id', 'name']).doUpdateSet(values))
      .execute();
  }
}

/** The catalog a category belongs to, or undefined when the category does not exist. */
export async function catalogOfCategory(db: Executor, categoryId: string): Promise<string | undefined> {
  return (await db.selectFrom('categories').select('catalog_id').where('id', '=', categoryId).executeTakeFirst())
    ?.catalog_id;
}

export async function findProduct(db: Executor, id: string): Promise<ProductRow | undefined> {
  return db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
}

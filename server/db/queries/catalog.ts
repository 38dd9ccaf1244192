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

/** Whether another category (not `exceptId`) already has the name. */
export async function categoryNameTaken(db: Executor, name: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('categories').select('id').where('name', '=', name);
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

import { randomUUID } from 'node:crypto';
import type { Executor } from '../database.ts';
import type { Row } from '../tables.ts';

export type CatalogRow = Row<'catalogs'>;

/** The catalog created by migration 0026 with everything that existed before it; it cannot be deleted. */
export { defaultCatalogId } from '../../../shared/api/catalog.ts';

export async function listCatalogs(db: Executor): Promise<(CatalogRow & { categories: number; products: number })[]> {
  const rows = await db
    .selectFrom('catalogs')
    .leftJoin('categories', 'categories.catalog_id', 'catalogs.id')
    .leftJoin('products', 'products.category_id', 'categories.id')
    .selectAll('catalogs')
    .select((eb) => [
      eb.fn.count<string>('categories.id').distinct().as('categories'),
      eb.fn.count<string>('products.id').as('products'),
    ])
    .groupBy('catalogs.id')
    .orderBy('catalogs.created_at')
    .orderBy('catalogs.name')
    .execute();
  return rows.map((r) => ({ ...r, categories: Number(r.categories), products: Number(r.products) }));
}

export async function findCatalog(db: Executor, id: string): Promise<CatalogRow | undefined> {
  return db.selectFrom('catalogs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function catalogNameTaken(db: Executor, name: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('catalogs').select('id').where('name', '=', name);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertCatalog(db: Executor, name: string): Promise<CatalogRow> {
  return db.insertInto('catalogs').values({ id: randomUUID(), name }).returningAll().executeTakeFirstOrThrow();
}

export async function renameCatalog(db: Executor, id: string, name: string): Promise<CatalogRow | undefined> {
  return db.updateTable('catalogs').set({ name }).where('id', '=', id).returningAll().executeTakeFirst();
}

/** Deletes an empty catalog; channels that chose it fall back to the default one. */
export async function deleteCatalog(db: Executor, id: string): Promise<boolean> {
  return (await db.deleteFrom('catalogs').where('id', '=', id).returning('id').executeTakeFirst()) !== undefined;
}

export async function catalogHasCategories(db: Executor, id: string): Promise<boolean> {
  return (await db.selectFrom('categories').select('id').where('catalog_id', '=', id).executeTakeFirst()) !== undefined;
}

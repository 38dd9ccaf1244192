import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../db/database.ts';

/** Edits within this long of one another go to Meta in one sync. */
export const autoSyncDebounceMs = 60_000;

/**
 * One UPDATE that marks auto-synced links due a minute from now, unless already due sooner
 * (an earlier edit, or an overdue sync): a burst of edits makes one sync, a minute after the
 * first. Unlinked catalogs and links without `auto_sync` match nothing. A link already due
 * sooner is not updated, so concurrent orders do not queue on its row lock.
 */
function markLinks(db: Executor, now: Date, catalogIds: RawBuilder<string>) {
  const due = new Date(now.getTime() + autoSyncDebounceMs);
  return sql`
    update meta_catalog_links set sync_due_at = ${due}
    where auto_sync and catalog_id in (${catalogIds})
      and (sync_due_at is null or sync_due_at > ${due})
  `.execute(db);
}

/** After a change to a catalog as a whole (a CSV import). */
export async function markCatalogDue(db: Executor, catalogId: string, now: Date): Promise<void> {
  await markLinks(db, now, sql<string>`${catalogId}`);
}

/** After a change to a product, its variants, stock or photos: the catalog its category is in. */
export async function markProductCatalogDue(db: Executor, productId: string, now: Date): Promise<void> {
  await markLinks(
    db,
    now,
    sql<string>`select c.catalog_id from products p join categories c on c.id = p.category_id where p.id = ${productId}`,
  );
}

/** After a category moved to another catalog, taking its products along. */
export async function markCategoryCatalogDue(db: Executor, categoryId: string, now: Date): Promise<void> {
  await markLinks(db, now, sql<string>`select catalog_id from categories where id = ${categoryId}`);
}

/** After a cancelled order gave units back (call before its items' `reserved` is reset). */
export async function markOrderCatalogsDue(db: Executor, orderId: string, now: Date): Promise<void> {
  await markLinks(
    db,
    now,
    sql<string>`select c.catalog_id from order_items i
      join products p on p.id = i.product_id join categories c on c.id = p.category_id
      where i.order_id = ${orderId} and i.reserved > 0`,
  );
}

import { sql } from 'kysely';
import { markOrderCatalogsDue, markProductCatalogDue } from '../../meta-catalog/mark-due.ts';
import type { Executor } from '../database.ts';

/** Thrown inside the commit when an item's stock ran out since the engine read it: the batch runs again. */
export class StockShort extends Error {
  constructor(
    readonly productId: string,
    /** The contact whose order it was, once the commit knows it. */
    readonly contactId?: string,
  ) {
    super(`stock of product ${productId} ran out before the order was recorded`);
  }
}

export interface StockItem {
  productId: string;
  variantId?: string | null;
  quantity: number;
}

/**
 * Takes an item's units from stock and answers how many were taken (0 when stock is not tracked
 * or the product is gone). The conditional update is the guard: Postgres re-checks `stock >= n`
 * after waiting for a concurrent order's row lock, so stock never goes negative, across instances.
 * Taking the last units makes the item sold out in Meta's catalog too: its auto-sync is due.
 */
export async function reserveStock(db: Executor, item: StockItem, now: Date): Promise<number> {
  const n = item.quantity;
  const taken = item.variantId
    ? await db
        .updateTable('product_variants')
        .set({ stock: sql`stock - ${n}` })
        .where('id', '=', item.variantId)
        .where('stock', '>=', n)
        .returning('stock')
        .executeTakeFirst()
    : await db
        .updateTable('products')
        .set({ stock: sql`stock - ${n}` })
        .where('id', '=', item.productId)
        .where('stock', '>=', n)
        .returning('stock')
        .executeTakeFirst();
  if (taken) {
    // Only a sell-out changes what Meta shows (availability, not the count): other orders skip the UPDATE.
    if (taken.stock === 0) await markProductCatalogDue(db, item.productId, now);
    return n;
  }
  const current = item.variantId
    ? await db.selectFrom('product_variants').select('stock').where('id', '=', item.variantId).executeTakeFirst()
    : await db.selectFrom('products').select('stock').where('id', '=', item.productId).executeTakeFirst();
  if (!current || current.stock === null) return 0;
  throw new StockShort(item.productId);
}

/**
 * Gives a cancelled order's reserved units back to the products and variants that still track
 * stock (an item sold out may be available again in Meta's catalog: its auto-sync is due).
 */
export async function releaseOrderStock(db: Executor, orderId: string, now: Date): Promise<void> {
  await markOrderCatalogsDue(db, orderId, now);
  await sql`
    update product_variants v set stock = v.stock + i.reserved
    from order_items i
    where i.order_id = ${orderId} and i.variant_id = v.id and i.reserved > 0 and v.stock is not null
  `.execute(db);
  await sql`
    update products p set stock = p.stock + i.reserved
    from order_items i
    where i.order_id = ${orderId} and i.variant_id is null and i.product_id = p.id and i.reserved > 0 and p.stock is not null
  `.execute(db);
  // Given back once: a second cancel (or cancel → reopen → cancel) must not add the units again.
  await db.updateTable('order_items').set({ reserved: 0 }).where('order_id', '=', orderId).execute();
}

import { sql, type Kysely } from 'kysely';

/**
 * A Fluxo catalog may mirror itself into a Meta commerce catalog (WhatsApp product messages and
 * carts): the link, the last sync's outcome, and a hash per item Meta holds so a second sync
 * sends only what changed. `sync_due_at` is the debounce of the sync that follows product edits.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('meta_catalog_links')
    .addColumn('catalog_id', 'text', (c) => c.primaryKey().references('catalogs.id').onDelete('cascade'))
    .addColumn('meta_catalog_id', 'text', (c) => c.notNull())
    // Sent with every item: Meta shows the brand, and an item's `link` is the shop's site.
    .addColumn('brand', 'text')
    .addColumn('website_url', 'text')
    .addColumn('auto_sync', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('sync_due_at', 'timestamptz')
    .addColumn('last_sync_at', 'timestamptz')
    .addColumn('last_sync', 'jsonb')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('meta_catalog_items')
    .addColumn('catalog_id', 'text', (c) => c.notNull().references('catalogs.id').onDelete('cascade'))
    .addColumn('retailer_id', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('meta_catalog_items_pkey', ['catalog_id', 'retailer_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('meta_catalog_items').execute();
  await db.schema.dropTable('meta_catalog_links').execute();
}

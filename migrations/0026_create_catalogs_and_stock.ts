import { sql, type Kysely } from 'kysely';

/**
 * Several catalogs (a pizzeria's bot must not offer apartments): categories belong to one, and
 * products through their category; a channel may choose its catalog. Products gain what shops
 * sell by (promotional price, free attributes, variants with their own price and stock) and
 * photos kept in the database. Stock never goes negative, and an order item remembers how much
 * stock it reserved so a cancel gives exactly that back.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('catalogs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // What existed before is the default catalog: every picker and channel keeps offering it.
  await sql`insert into catalogs (id, name) values ('default', 'Catálogo principal')`.execute(db);

  await db.schema
    .alterTable('categories')
    .addColumn('catalog_id', 'text', (c) =>
      c.notNull().defaultTo('default').references('catalogs.id').onDelete('restrict'),
    )
    .execute();
  // Names are unique within a catalog: two shops may both have "Bebidas".
  await sql`alter table categories drop constraint categories_name_key`.execute(db);
  await db.schema
    .alterTable('categories')
    .addUniqueConstraint('categories_catalog_name_key', ['catalog_id', 'name'])
    .execute();

  await db.schema
    .alterTable('products')
    .addColumn('promo_price_cents', 'integer', (c) => c.check(sql`promo_price_cents >= 0`))
    .addColumn('attributes', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema
    .alterTable('products')
    .addCheckConstraint('products_stock_not_negative', sql`stock >= 0`)
    .execute();

  await db.schema
    .createTable('product_variants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('price_cents', 'integer', (c) => c.notNull().check(sql`price_cents >= 0`))
    .addColumn('promo_price_cents', 'integer', (c) => c.check(sql`promo_price_cents >= 0`))
    .addColumn('stock', 'integer', (c) => c.check(sql`stock >= 0`))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('product_variants_name_key', ['product_id', 'name'])
    .execute();

  await db.schema
    .createTable('product_photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id').onDelete('cascade'))
    // The photo's public address: Meta downloads it without credentials, so it must be unguessable.
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('product_photos_product_idx').on('product_photos').column('product_id').execute();

  await db.schema
    .alterTable('channels')
    .addColumn('catalog_id', 'text', (c) => c.references('catalogs.id').onDelete('set null'))
    .execute();

  await db.schema
    .alterTable('order_items')
    .addColumn('variant_id', 'text', (c) => c.references('product_variants.id').onDelete('set null'))
    // How many units this item took from stock (0 when stock was not tracked): a cancel returns them.
    .addColumn('reserved', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('order_items').dropColumn('reserved').dropColumn('variant_id').execute();
  await db.schema.alterTable('channels').dropColumn('catalog_id').execute();
  await db.schema.dropTable('product_photos').execute();
  await db.schema.dropTable('product_variants').execute();
  await db.schema.alterTable('products').dropConstraint('products_stock_not_negative').execute();
  await db.schema.alterTable('products').dropColumn('attributes').dropColumn('promo_price_cents').execute();
  await db.schema.alterTable('categories').dropConstraint('categories_catalog_name_key').execute();
  await db.schema.alterTable('categories').addUniqueConstraint('categories_name_key', ['name']).execute();
  await db.schema.alterTable('categories').dropColumn('catalog_id').execute();
  await db.schema.dropTable('catalogs').execute();
}

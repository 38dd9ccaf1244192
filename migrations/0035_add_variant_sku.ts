import type { Kysely } from 'kysely';

/** A variant (size, flavour) has its own code, as shops stock them apart; optional like the product's. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('product_variants').addColumn('sku', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('product_variants').dropColumn('sku').execute();
}

import type { Kysely } from 'kysely';

/**
 * Pix inside WhatsApp. An order charged by a payment block keeps its charge: the reference
 * (the BR Code's txid and Meta's reference_id, unique: the confirmation and the QR image's
 * public address find the order by it), the copia e cola text, and when it was paid. A
 * channel enabled for Meta's Payments API names its payment configuration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('orders')
    .addColumn('payment_reference', 'text', (c) => c.unique())
    .addColumn('pix_code', 'text')
    .addColumn('paid_at', 'timestamptz')
    .execute();
  await db.schema.alterTable('channels').addColumn('payment_configuration', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('channels').dropColumn('payment_configuration').execute();
  await db.schema
    .alterTable('orders')
    .dropColumn('payment_reference')
    .dropColumn('pix_code')
    .dropColumn('paid_at')
    .execute();
}

import { sql, type Kysely } from 'kysely';

/**
 * Payments, two additions. A payment confirmed once the conversation is over (the flow ended, expired or was reset) is
 * still told to the customer, with a message the admin edits beside the status messages: a
 * text inside the 24-hour window, an approved template outside it. Kept as one more row of
 * `order_notifications`, under the kind `paid`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table order_notifications drop constraint order_notifications_status_check`.execute(db);
  await sql`alter table order_notifications add constraint order_notifications_status_check
    check (status in ('new','confirmed','preparing','shipped','delivered','cancelled','paid'))`.execute(db);
  await sql`insert into order_notifications (status, enabled, text)
    values ('paid', true, ${'Pagamento recebido, pedido #{{numero}} ✅'})`.execute(db);

  // A Pix charge's QR image, drawn once when the charge is made (the conversation's or the
  // simulator's) and served from here by its reference, as product photos are from theirs.
  await db.schema
    .createTable('pix_qr_images')
    .addColumn('reference', 'text', (c) => c.primaryKey())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('pix_qr_images').execute();
  await sql`delete from order_notifications where status = 'paid'`.execute(db);
  await sql`alter table order_notifications drop constraint order_notifications_status_check`.execute(db);
  await sql`alter table order_notifications add constraint order_notifications_status_check
    check (status in ('new','confirmed','preparing','shipped','delivered','cancelled'))`.execute(db);
}

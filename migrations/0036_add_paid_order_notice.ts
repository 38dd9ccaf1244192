import { sql, type Kysely } from 'kysely';

/**
 * A payment confirmed once the conversation is over (the flow ended, expired or was reset) is
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
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from order_notifications where status = 'paid'`.execute(db);
  await sql`alter table order_notifications drop constraint order_notifications_status_check`.execute(db);
  await sql`alter table order_notifications add constraint order_notifications_status_check
    check (status in ('new','confirmed','preparing','shipped','delivered','cancelled'))`.execute(db);
}

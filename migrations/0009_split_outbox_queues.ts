import { sql, type Kysely } from 'kysely';

/**
 * The sender takes each contact's oldest unsent reply, and read receipts in any order: one
 * index for each queue, so neither scan walks the other's rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('outbox_reply_queue_idx')
    .on('outbox')
    .columns(['contact_id', 'seq'])
    .where(sql<boolean>`status in ('pending','sending') and kind = 'message'`)
    .execute();
  await db.schema
    .createIndex('outbox_read_queue_idx')
    .on('outbox')
    .column('seq')
    .where(sql<boolean>`status in ('pending','sending') and kind = 'read'`)
    .execute();
  await db.schema.dropIndex('outbox_contact_queue_idx').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('outbox_contact_queue_idx')
    .on('outbox')
    .columns(['contact_id', 'seq'])
    .where(sql<boolean>`status in ('pending','sending')`)
    .execute();
  await db.schema.dropIndex('outbox_read_queue_idx').execute();
  await db.schema.dropIndex('outbox_reply_queue_idx').execute();
}

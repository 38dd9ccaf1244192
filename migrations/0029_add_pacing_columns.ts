import { sql, type Kysely } from 'kysely';

/**
 * Channels gain the throughput tier Meta reports for the number (`GET /{id}?fields=throughput`)
 * and when it was last read; the admin's own `throughput` still wins when set. Campaigns gain
 * the moment every recipient was settled, so `campaign.finished` is emitted once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('channels')
    .addColumn('graph_throughput', 'integer')
    .addColumn('throughput_read_at', 'timestamptz')
    .execute();
  await db.schema.alterTable('campaigns').addColumn('finished_at', 'timestamptz').execute();
  // A campaign's wave counts its number's unsent messages (send-wave.ts).
  await db.schema
    .createIndex('outbox_channel_unsent_idx')
    .on('outbox')
    .column('channel_id')
    .where(sql<boolean>`status in ('pending','sending') and kind = 'message'`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('outbox_channel_unsent_idx').execute();
  await db.schema.alterTable('campaigns').dropColumn('finished_at').execute();
  await db.schema.alterTable('channels').dropColumn('throughput_read_at').dropColumn('graph_throughput').execute();
}

import type { Kysely } from 'kysely';

/**
 * The dashboard and the audit log read by period: without these, every figure scans all of
 * its table (see bench/seed-dashboard.ts for the measurement with a million messages).
 */
const indexes = [
  { name: 'messages_time_idx', table: 'messages', columns: ['created_at'] },
  { name: 'messages_channel_time_idx', table: 'messages', columns: ['channel_id', 'created_at'] },
  { name: 'conversation_sessions_time_idx', table: 'conversation_sessions', columns: ['created_at'] },
  { name: 'handoffs_time_idx', table: 'handoffs', columns: ['created_at'] },
  { name: 'orders_time_idx', table: 'orders', columns: ['created_at'] },
  { name: 'analytics_events_flow_time_idx', table: 'analytics_events', columns: ['flow_id', 'created_at'] },
  { name: 'audit_log_action_idx', table: 'audit_log', columns: ['action', 'id'] },
  { name: 'audit_log_actor_idx', table: 'audit_log', columns: ['actor_id', 'id'] },
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const i of indexes)
    await db.schema
      .createIndex(i.name)
      .on(i.table)
      .columns([...i.columns])
      .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const i of indexes) await db.schema.dropIndex(i.name).execute();
}

import { sql, type Kysely } from 'kysely';

/**
 * `processed_at is null` now means one thing only: an inbound message still waiting for the
 * processor. Outbound messages used to keep it null too (nothing to process), so half of all
 * rows were null and Postgres' statistics said so: the planner multiplied "direction = 'in'"
 * (½) by "processed_at is null" (½), expected a quarter of the table to be pending, and read
 * the pending queue with a scan of every message instead of its partial index. Each claim then
 * cost more as the table grew (102 ms at 73,000 messages, where the index takes well under
 * one). Outbound rows are written with their creation time from now on; this marks the old ones.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`update messages set processed_at = created_at where direction = 'out' and processed_at is null`.execute(db);
}

export async function down(): Promise<void> {
  // Nothing to undo: code before this migration never reads processed_at of outbound messages.
}

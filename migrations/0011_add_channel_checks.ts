import type { Kysely } from 'kysely';

/**
 * A channel is "not checked yet" until something proves it works: the outcome of the last
 * connection test (or real send) and what Meta said about the number, and when Meta's webhook
 * handshake last succeeded with the channel's verify token.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('channels')
    .addColumn('checked_at', 'timestamptz')
    .addColumn('check_ok', 'boolean')
    .addColumn('check_error', 'text')
    .addColumn('check_details', 'jsonb')
    .addColumn('webhook_verified_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('channels')
    .dropColumn('checked_at')
    .dropColumn('check_ok')
    .dropColumn('check_error')
    .dropColumn('check_details')
    .dropColumn('webhook_verified_at')
    .execute();
}

import { sql, type Kysely } from 'kysely';

/**
 * API tokens act as a user: `user_id` is the owner whose state (disabled, role) the token
 * follows, and deleting the owner deletes their tokens (cascade), unlike `created_by`, which
 * only records authorship and became null, leaving a working token behind. Tokens may expire.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('api_tokens')
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('expires_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute();
  await sql`update api_tokens set user_id = created_by where created_by is not null`.execute(db);
  // An ownerless token is either a CLI one (no audit record: it stays, as a "system" token) or
  // one whose creating user was deleted (its `token.create` was recorded with a user actor):
  // those are the tokens that outlived their creator, so they stop working now.
  await sql`
    update api_tokens set revoked_at = now()
    where user_id is null and revoked_at is null and id in (
      select target_id from audit_log where action = 'token.create' and actor_kind = 'user' and target_id is not null)
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('api_tokens_user_idx').execute();
  await db.schema.alterTable('api_tokens').dropColumn('expires_at').dropColumn('user_id').execute();
}

import { randomUUID } from 'node:crypto';
import { hashSecret, newSecret } from '../../auth/tokens.ts';
import type { Executor } from '../database.ts';
import type { Role } from '../tables.ts';

/**
 * Creates an API token acting as `createdBy` (its owner; null makes a "system" token, which only
 * the CLI creates). The secret is returned once and only its hash is stored.
 */
export async function createApiToken(
  db: Executor,
  input: { name: string; role: Role; createdBy: string | null; expiresAt?: Date | null },
) {
  const secret = newSecret('fx');
  const row = await db
    .insertInto('api_tokens')
    .values({
      id: randomUUID(),
      name: input.name,
      role: input.role,
      token_hash: hashSecret(secret),
      created_by: input.createdBy,
      user_id: input.createdBy,
      expires_at: input.expiresAt ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row, secret };
}

/** A bearer's token with its owner's current state; undefined when revoked or unknown. */
export function findTokenBySecret(db: Executor, secret: string) {
  return db
    .selectFrom('api_tokens')
    .leftJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id',
      'api_tokens.role',
      'api_tokens.user_id',
      'api_tokens.expires_at',
      'api_tokens.last_used_at',
      'users.role as owner_role',
      'users.disabled as owner_disabled',
    ])
    .where('api_tokens.token_hash', '=', hashSecret(secret))
    .where('api_tokens.revoked_at', 'is', null)
    .executeTakeFirst();
}

/** Records a use at most once a minute per token: a write on every API call would double the load. */
export const lastUsedResolutionMs = 60_000;

/** True when this call recorded the use (at most once a minute per token). */
export async function touchToken(
  db: Executor,
  token: { id: string; last_used_at: Date | string | null },
  now: Date,
): Promise<boolean> {
  const stale = new Date(now.getTime() - lastUsedResolutionMs);
  if (token.last_used_at && new Date(token.last_used_at) > stale) return false;
  // The condition again in SQL: several instances (or requests) seeing the same stale value write once.
  const result = await db
    .updateTable('api_tokens')
    .set({ last_used_at: now })
    .where('id', '=', token.id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', stale)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Every token not revoked (expired ones too), oldest first, with its owner's email and name. */
export async function listActiveTokens(db: Executor) {
  return db
    .selectFrom('api_tokens')
    .leftJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('api_tokens')
    .select(['users.email as owner_email', 'users.name as owner_name'])
    .where('api_tokens.revoked_at', 'is', null)
    .orderBy('api_tokens.created_at')
    .execute();
}

/** The revoked token's id, or undefined when there is no such token or it was already revoked. */
export async function revokeToken(db: Executor, id: string, now: Date): Promise<{ id: string } | undefined> {
  return db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
}

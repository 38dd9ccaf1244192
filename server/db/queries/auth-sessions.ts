import type { Executor } from '../database.ts';

/** Opens a cookie login; only the secret's hash is stored. */
export async function insertLogin(
  db: Executor,
  login: { tokenHash: string; userId: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('auth_sessions')
    .values({ token_hash: login.tokenHash, user_id: login.userId, expires_at: login.expiresAt })
    .execute();
}

/** Ends the cookie login whose secret hashes to `tokenHash` (logout). */
export async function deleteLogin(db: Executor, tokenHash: string): Promise<void> {
  await db.deleteFrom('auth_sessions').where('token_hash', '=', tokenHash).execute();
}

/** Ends every open login (cookie session) of the user. */
export async function endLoginsOf(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('auth_sessions').where('user_id', '=', userId).execute();
}

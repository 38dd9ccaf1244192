import { randomUUID } from 'node:crypto';
import { hashSecret, newSecret } from '../../auth/tokens.ts';
import type { Executor } from '../database.ts';
import type { Role } from '../tables.ts';

/** Creates an API token; the secret is returned once and only its hash is stored. */
export async function createApiToken(db: Executor, input: { name: string; role: Role; createdBy: string | null }) {
  const secret = newSecret('fx');
  const row = await db.insertInto('api_tokens').values({
    id: randomUUID(), name: input.name, role: input.role, token_hash: hashSecret(secret), created_by: input.createdBy,
  }).returningAll().executeTakeFirstOrThrow();
  return { row, secret };
}

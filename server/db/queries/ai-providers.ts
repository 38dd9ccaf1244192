import { randomUUID } from 'node:crypto';
import type { Executor } from '../database.ts';
import type { NewRow, Row, RowUpdate } from '../tables.ts';

export type AiProviderRow = Row<'ai_providers'>;

export async function listAiProviders(db: Executor): Promise<AiProviderRow[]> {
  return db.selectFrom('ai_providers').selectAll().orderBy('created_at').orderBy('name').execute();
}

export async function findAiProvider(db: Executor, id: string): Promise<AiProviderRow | undefined> {
  return db.selectFrom('ai_providers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The provider LLM blocks use, if one is marked default. */
export async function findDefaultAiProvider(db: Executor): Promise<AiProviderRow | undefined> {
  return db.selectFrom('ai_providers').selectAll().where('is_default', '=', true).executeTakeFirst();
}

export async function aiProviderNameTaken(db: Executor, name: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('ai_providers').select('id').where('name', '=', name);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Only one default at a time: call before making another one the default (same transaction). */
export async function clearDefaultAiProvider(db: Executor): Promise<void> {
  await db.updateTable('ai_providers').set({ is_default: false }).where('is_default', '=', true).execute();
}

export async function insertAiProvider(
  db: Executor,
  values: Omit<NewRow<'ai_providers'>, 'id'>,
): Promise<AiProviderRow> {
  return db
    .insertInto('ai_providers')
    .values({ id: randomUUID(), ...values })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateAiProvider(
  db: Executor,
  id: string,
  changes: RowUpdate<'ai_providers'>,
): Promise<AiProviderRow | undefined> {
  return db.updateTable('ai_providers').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}

export async function deleteAiProvider(db: Executor, id: string): Promise<AiProviderRow | undefined> {
  return db.deleteFrom('ai_providers').where('id', '=', id).returningAll().executeTakeFirst();
}

import { randomUUID } from 'node:crypto';
import type { UpdateObject } from 'kysely';
import type { Database, Executor } from '../database.ts';
import type { NewRow, Row } from '../tables.ts';

export type ChannelRow = Row<'channels'>;

export async function listChannels(db: Executor): Promise<ChannelRow[]> {
  return db.selectFrom('channels').selectAll().orderBy('created_at').execute();
}

/** Whether another channel (not `exceptId`) is already connected to the Phone number ID. */
export async function phoneNumberTaken(db: Executor, phoneNumberId: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('channels').select('id').where('phone_number_id', '=', phoneNumberId);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertChannel(db: Executor, values: Omit<NewRow<'channels'>, 'id'>): Promise<ChannelRow> {
  return db
    .insertInto('channels')
    .values({ id: randomUUID(), ...values })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The updated channel, or undefined when it does not exist; changes may be SQL (see `uncheckedBy`). */
export async function updateChannel(
  db: Executor,
  id: string,
  changes: UpdateObject<Database, 'channels'>,
): Promise<ChannelRow | undefined> {
  return db.updateTable('channels').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}

/** The deleted channel's id (its contacts and messages go with it), or undefined when it did not exist. */
export async function deleteChannel(db: Executor, id: string): Promise<{ id: string } | undefined> {
  return db.deleteFrom('channels').where('id', '=', id).returning('id').executeTakeFirst();
}

export async function channelExists(db: Executor, id: string): Promise<boolean> {
  return (await db.selectFrom('channels').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function findChannel(db: Executor, id: string): Promise<ChannelRow | undefined> {
  return db.selectFrom('channels').selectAll().where('id', '=', id).executeTakeFirst();
}

/** What a connection test needs: the Phone number ID and the sealed access token. */
export async function findChannelCredentials(db: Executor, id: string) {
  return db
    .selectFrom('channels')
    .select(['phone_number_id', 'access_token_enc', 'app_secret_enc'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Stores a connection test's outcome, only if the channel still has the token that was tested
 * (a token saved meanwhile is not what was tested). Undefined when it does not, or is gone.
 */
export async function recordConnectionCheck(
  db: Executor,
  id: string,
  testedTokenEnc: string,
  outcome: UpdateObject<Database, 'channels'>,
): Promise<ChannelRow | undefined> {
  return db
    .updateTable('channels')
    .set(outcome)
    .where('id', '=', id)
    .where('access_token_enc', '=', testedTokenEnc)
    .returningAll()
    .executeTakeFirst();
}

import type { Executor } from '../db/database.ts';

/**
 * A channel row with placeholder secrets, for tests of the queue and storage statements that
 * need a contact's channel to exist but never talk to Graph or check a signature.
 */
export async function insertBareChannel(db: Executor, id: string, phoneNumberId: string): Promise<void> {
  await db
    .insertInto('channels')
    .values({
      id,
      name: 'Loja',
      phone_number_id: phoneNumberId,
      access_token_enc: 'x',
      app_secret_enc: 'x',
      verify_token: 'v',
    })
    .execute();
}

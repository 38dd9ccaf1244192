import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/database.ts';
import { createApiToken } from '../db/queries/tokens.ts';
import { createUser } from '../db/queries/users.ts';
import type { Role } from '../db/tables.ts';
import { caller, type Caller, type TestApp } from './test-app.ts';

/** A signed-up person with their own API token, so the calls are theirs (claims, authorship). */
export async function personWithToken(t: TestApp, role: Role, email: string): Promise<{ id: string; as: Caller }> {
  const user = await createUser(t.testDb.db, {
    email,
    name: email.split('@')[0] ?? '',
    password: 'cavalo-bateria-grampo',
    role,
  });
  const { secret } = await createApiToken(t.testDb.db, { name: email, role, createdBy: user.id });
  return { id: user.id, as: caller(t.app, { authorization: `Bearer ${secret}` }) };
}

export async function seedChannel(
  db: Executor,
  secrets: TestApp['deps']['secrets'],
  phoneNumberId = '106000000000777',
) {
  return db
    .insertInto('channels')
    .values({
      id: randomUUID(),
      name: 'Loja',
      phone_number_id: phoneNumberId,
      waba_id: null,
      display_phone: null,
      access_token_enc: secrets.seal('EAAG-seed-token'),
      app_secret_enc: secrets.seal('seed-app-secret'),
      verify_token: 'seed-verify-token',
      flow_id: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A contact who wrote a minute ago, handed to a person: open, or claimed by `assignedUserId`. */
export async function seedHandoff(db: Executor, channelId: string, waId: string, assignedUserId: string | null = null) {
  const now = new Date();
  const contact = await db
    .insertInto('contacts')
    .values({
      id: randomUUID(),
      channel_id: channelId,
      wa_id: waId,
      user_id: null,
      name: `Contato ${waId.slice(-4)}`,
      last_inbound_at: new Date(now.getTime() - 60_000),
      variables: '{}',
      lease_owner: null,
      lease_until: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .insertInto('messages')
    .values({
      id: randomUUID(),
      channel_id: channelId,
      contact_id: contact.id,
      direction: 'in',
      wamid: `wamid.seed.${waId}`,
      type: 'text',
      text: 'quero falar com alguém',
      payload: '{}',
      status: 'received',
      error: null,
      wa_timestamp: null,
      session_id: null,
      author_id: null,
      processed_at: now,
    })
    .execute();
  const handoff = await db
    .insertInto('handoffs')
    .values({
      id: randomUUID(),
      contact_id: contact.id,
      session_id: null,
      team: 'vendas',
      context: '{}',
      status: assignedUserId ? 'claimed' : 'open',
      assigned_user_id: assignedUserId,
      claimed_at: assignedUserId ? now : null,
      resolved_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { contactId: contact.id, handoffId: handoff.id };
}

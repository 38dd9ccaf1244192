import type { Executor } from '../database.ts';
import type { Row } from '../tables.ts';

export const chatwootSettingsId = 'chatwoot';

export async function loadChatwootSettings(db: Executor): Promise<Row<'chatwoot_settings'> | undefined> {
  return db.selectFrom('chatwoot_settings').selectAll().where('id', '=', chatwootSettingsId).executeTakeFirst();
}

export async function findChatwootLink(db: Executor, contactId: string) {
  return db.selectFrom('chatwoot_links').selectAll().where('contact_id', '=', contactId).executeTakeFirst();
}

export async function findLinkByConversation(db: Executor, conversationId: number) {
  return db.selectFrom('chatwoot_links').selectAll().where('conversation_id', '=', conversationId).executeTakeFirst();
}

export async function saveChatwootLink(
  db: Executor,
  link: {
    contactId: string;
    chatwootContactId: number;
    sourceId: string;
    conversationId: number | null;
    status: string | null;
  },
  now: Date,
) {
  const values = {
    chatwoot_contact_id: link.chatwootContactId,
    source_id: link.sourceId,
    conversation_id: link.conversationId,
    conversation_status: link.status,
    updated_at: now,
  };
  await db
    .insertInto('chatwoot_links')
    .values({ contact_id: link.contactId, ...values })
    .onConflict((oc) => oc.column('contact_id').doUpdateSet(values))
    .execute();
}

export async function setConversationStatus(db: Executor, contactId: string, status: string, now: Date) {
  await db
    .updateTable('chatwoot_links')
    .set({ conversation_status: status, updated_at: now })
    .where('contact_id', '=', contactId)
    .execute();
}

/** True when this Fluxo message is already in Chatwoot, or came from there (never mirrored back). */
export async function isKnownMessage(db: Executor, messageId: string): Promise<boolean> {
  const row = await db
    .selectFrom('chatwoot_messages')
    .select('chatwoot_message_id')
    .where('message_id', '=', messageId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Remembers a Chatwoot message id; false when it was known already (a redelivery or our own echo). */
export async function rememberChatwootMessage(
  db: Executor,
  row: { chatwootMessageId: number; messageId: string | null; direction: 'to_chatwoot' | 'from_chatwoot' },
): Promise<boolean> {
  const inserted = await db
    .insertInto('chatwoot_messages')
    .values({ chatwoot_message_id: row.chatwootMessageId, message_id: row.messageId, direction: row.direction })
    .onConflict((oc) => oc.column('chatwoot_message_id').doNothing())
    .returning('chatwoot_message_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

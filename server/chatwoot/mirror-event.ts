import type { EventBody } from '../../shared/api/event-webhooks.ts';
import type { SecretBox } from '../auth/secret-box.ts';
import type { Clock } from '../context.ts';
import type { Db } from '../db/database.ts';
import {
  findChatwootLink,
  isKnownMessage,
  loadChatwootSettings,
  rememberChatwootMessage,
  saveChatwootLink,
  setConversationStatus,
} from '../db/queries/chatwoot.ts';
import type { Row } from '../db/tables.ts';
import { ChatwootError, createChatwootClient, type ChatwootClient } from './chatwoot-client.ts';
import { messageAttachment } from './message-attachment.ts';

export interface MirrorDeps {
  db: Db;
  secrets: SecretBox;
  clock: Clock;
  /** `publicFetch` unless private addresses are allowed (WEBHOOKS_ALLOW_PRIVATE). */
  fetchFn: typeof fetch;
}

type Contact = Pick<Row<'contacts'>, 'id' | 'channel_id' | 'wa_id' | 'name'>;

/**
 * Mirrors one Fluxo event into Chatwoot: messages into the contact's conversation (the
 * contact's as `incoming`, Fluxo's as `outgoing`, each with `source_id` `fluxo:<id>` so its
 * webhook echo is recognised), a handoff as the conversation opened for humans with the flow's
 * variables and a private note, a resolve as resolved. A throw leaves the event queued for a
 * retry (Chatwoot down loses nothing); the event worker sends a contact's events in order.
 */
export function createChatwootMirror(deps: MirrorDeps) {
  return async function mirror(event: EventBody): Promise<void> {
    const settings = await loadChatwootSettings(deps.db);
    if (!settings?.enabled) return;
    const contactId = typeof event.data.contactId === 'string' ? event.data.contactId : null;
    if (!contactId) return;
    const contact = await deps.db
      .selectFrom('contacts')
      .select(['id', 'channel_id', 'wa_id', 'name'])
      .where('id', '=', contactId)
      .executeTakeFirst();
    // Erased since, another channel's, or a contact Chatwoot cannot address (no phone number).
    if (!contact?.wa_id || (settings.channel_id && settings.channel_id !== contact.channel_id)) return;
    const client = createChatwootClient({
      baseUrl: settings.base_url,
      accountId: settings.account_id,
      apiToken: deps.secrets.open(settings.api_token_enc),
      fetchFn: deps.fetchFn,
    });
    const ctx = { deps, client, settings, contact };
    switch (event.type) {
      case 'message.received':
      case 'message.sent':
        return mirrorMessage(ctx, event);
      case 'handoff.opened':
        return openHandoff(ctx, event);
      case 'handoff.resolved':
        return resolveConversation(ctx);
      default:
        return;
    }
  };
}

interface Ctx {
  deps: MirrorDeps;
  client: ChatwootClient;
  settings: Row<'chatwoot_settings'>;
  contact: Contact;
}

async function mirrorMessage({ deps, client, settings, contact }: Ctx, event: EventBody) {
  const messageId = String(event.data.messageId ?? '');
  // Already there (a retry after a lost answer), or an agent's reply that came from Chatwoot.
  if (!messageId || (await isKnownMessage(deps.db, messageId))) return;
  const conversationId = await ensureConversation({ deps, client, settings, contact }, 'pending');
  const incoming = event.type === 'message.received';
  // A photo or document goes as the file itself; its caption (if any) as the text.
  const attachment = await messageAttachment(deps.db, messageId);
  const caption = typeof event.data.text === 'string' ? event.data.text : '';
  const text = caption || (attachment ? '' : `[${String(event.data.type)}]`);
  const posted = await client.postMessage(
    conversationId,
    {
      content: text,
      message_type: incoming ? 'incoming' : 'outgoing',
      private: false,
      source_id: `fluxo:${messageId}`,
      ...(!incoming && { content_attributes: { fluxo_author: String(event.data.author ?? 'bot') } }),
    },
    attachment ? [attachment] : [],
  );
  await rememberChatwootMessage(deps.db, { chatwootMessageId: posted.id, messageId, direction: 'to_chatwoot' });
}

async function openHandoff(ctx: Ctx, event: EventBody) {
  const { client, deps, contact } = ctx;
  const conversationId = await ensureConversation(ctx, 'open');
  await client.toggleStatus(conversationId, 'open');
  const variables = (event.data.variables as { variables?: Record<string, unknown> } | undefined)?.variables ?? {};
  await client.setCustomAttributes(conversationId, customAttributes(variables));
  const team = typeof event.data.team === 'string' ? event.data.team : '';
  const note = typeof event.data.note === 'string' ? event.data.note : '';
  const lines = [`Fluxo: o fluxo passou esta conversa para um atendente${team ? ` (equipe ${team})` : ''}.`];
  if (note) lines.push(`Nota: ${note}`);
  const vars = Object.entries(variables).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  if (vars.length) lines.push('', 'Variáveis:', ...vars);
  lines.push('', 'Resolver a conversa aqui devolve o contato ao fluxo.');
  await client.postMessage(conversationId, { content: lines.join('\n'), message_type: 'outgoing', private: true });
  await setConversationStatus(deps.db, contact.id, 'open', deps.clock.now());
}

async function resolveConversation({ deps, client, contact }: Ctx) {
  const link = await findChatwootLink(deps.db, contact.id);
  if (!link?.conversation_id || link.conversation_status === 'resolved') return;
  await client.toggleStatus(link.conversation_id, 'resolved');
  await setConversationStatus(deps.db, contact.id, 'resolved', deps.clock.now());
}

/** Chatwoot's custom attributes take scalars: anything else is written as JSON. */
function customAttributes(variables: Record<string, unknown>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(variables)) {
    if (v === null || v === undefined) continue;
    out[k] = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : JSON.stringify(v);
  }
  return out;
}

/**
 * The contact's current Chatwoot conversation, created when there is none or the last one was
 * resolved (a message posted into a resolved conversation would reopen it for the agents).
 */
async function ensureConversation({ deps, client, settings, contact }: Ctx, statusIfNew: 'open' | 'pending') {
  const now = deps.clock.now();
  const link = await findChatwootLink(deps.db, contact.id);
  if (link?.conversation_id && link.conversation_status !== 'resolved') return link.conversation_id;
  const sourceId = link?.source_id ?? `wa:${contact.wa_id}`;
  const chatwootContactId =
    link?.chatwoot_contact_id ?? (await findOrCreateContact(client, settings, contact, sourceId));
  // Saved before the conversation exists: a retry reuses the contact instead of creating another.
  await saveChatwootLink(
    deps.db,
    { contactId: contact.id, chatwootContactId, sourceId, conversationId: null, status: null },
    now,
  );
  const conversation = await client.createConversation({
    inbox_id: settings.inbox_id,
    contact_id: chatwootContactId,
    source_id: sourceId,
    status: statusIfNew,
  });
  await saveChatwootLink(
    deps.db,
    { contactId: contact.id, chatwootContactId, sourceId, conversationId: conversation.id, status: statusIfNew },
    now,
  );
  return conversation.id;
}

async function findOrCreateContact(
  client: ChatwootClient,
  settings: Row<'chatwoot_settings'>,
  contact: Contact,
  sourceId: string,
): Promise<number> {
  const phone = `+${contact.wa_id}`;
  const identifier = `wa:${contact.wa_id}`;
  // Substring search: only an exact phone or identifier is the same person.
  const find = async () =>
    (await client.searchContacts(contact.wa_id ?? '')).find(
      (c) => c.phone_number === phone || c.identifier === identifier,
    );
  const found = await find();
  if (found) return found.id;
  try {
    const created = await client.createContact({
      inbox_id: settings.inbox_id,
      source_id: sourceId,
      name: contact.name || phone,
      phone_number: phone,
      identifier,
    });
    return created.id;
  } catch (err) {
    // Created meanwhile (by an agent, or a lost answer of ours): Chatwoot says 422, search again.
    if (err instanceof ChatwootError && err.status === 422) {
      const again = await find();
      if (again) return again.id;
    }
    throw err;
  }
}

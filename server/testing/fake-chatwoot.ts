import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A Chatwoot account on 127.0.0.1 speaking the Application API calls the bridge makes and
 * producing the webhook payloads an API inbox sends (shapes from /work/shared/CHATWOOT.md §2,
 * §3.2: envelopes, `display_id`s, `message_type` as an integer in REST answers and a string in
 * webhooks). Webhooks are collected for the test to deliver (and redeliver), since Chatwoot
 * gives no ordering or retry guarantee of its own.
 */
export interface FakeChatwootMessage {
  id: number;
  conversationId: number;
  content: string;
  messageType: 'incoming' | 'outgoing' | 'activity' | 'template';
  private: boolean;
  sourceId: string | null;
  sender: { id: number; name: string; type: 'user' | 'contact' } | null;
  /** Files posted as multipart `attachments[]` (or attached by an agent), served at `dataUrl`. */
  attachments: FakeChatwootAttachment[];
}
export interface FakeChatwootAttachment {
  id: number;
  fileType: 'image' | 'file';
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
  dataUrl: string;
}
export interface FakeChatwootConversation {
  id: number;
  contactId: number;
  inboxId: number;
  sourceId: string;
  status: 'open' | 'pending' | 'resolved' | 'snoozed';
  customAttributes: Record<string, unknown>;
}
export interface FakeChatwootContact {
  id: number;
  name: string;
  phone_number: string;
  identifier: string | null;
}

export interface FakeChatwoot {
  url: string;
  accountId: number;
  inboxId: number;
  token: string;
  contacts: FakeChatwootContact[];
  conversations: FakeChatwootConversation[];
  messages: FakeChatwootMessage[];
  /** While true every call answers 503 (Chatwoot being deployed). */
  down: boolean;
  /** Webhook payloads not yet taken by the test, oldest first. */
  takeWebhooks(): Record<string, unknown>[];
  /** An agent answers in the dashboard: the message, and its `message_created` webhook queued. */
  agentReply(
    conversationId: number,
    content: string,
    options?: { private?: boolean; attachments?: { fileName: string; contentType: string; bytes: Uint8Array }[] },
  ): Record<string, unknown>;
  /** An agent resolves the conversation. */
  resolve(conversationId: number): Record<string, unknown>;
  close(): Promise<void>;
}

const agent = { id: 2, name: 'João', email: 'joao@acme.test', type: 'user' as const };
const typeCode = { incoming: 0, outgoing: 1, activity: 2, template: 3 } as const;

export async function startFakeChatwoot(options: { token?: string } = {}): Promise<FakeChatwoot> {
  const token = options.token ?? 'cw-user-token-0123456789';
  const accountId = 1;
  const inboxId = 3;
  let nextId = 100;
  let queued: Record<string, unknown>[] = [];
  const contacts: FakeChatwootContact[] = [];
  const conversations: FakeChatwootConversation[] = [];
  const messages: FakeChatwootMessage[] = [];

  const contactJson = (c: FakeChatwootContact) => ({
    ...c,
    email: null,
    blocked: false,
    additional_attributes: {},
    custom_attributes: {},
    contact_inboxes: conversations
      .filter((v) => v.contactId === c.id)
      .slice(0, 1)
      .map((v) => ({ source_id: v.sourceId, inbox: { id: inboxId, name: 'WhatsApp', channel_type: 'Channel::Api' } })),
  });
  const conversationJson = (v: FakeChatwootConversation) => {
    const contact = contacts.find((c) => c.id === v.contactId)!;
    return {
      id: v.id,
      account_id: accountId,
      inbox_id: v.inboxId,
      status: v.status,
      can_reply: true,
      custom_attributes: v.customAttributes,
      additional_attributes: {},
      contact_inbox: { contact_id: v.contactId, inbox_id: v.inboxId, source_id: v.sourceId },
      meta: { sender: { ...contact, type: 'contact' }, channel: 'Channel::Api', assignee: null, hmac_verified: false },
      messages: [],
    };
  };
  const messageJson = (m: FakeChatwootMessage) => ({
    id: m.id,
    content: m.content,
    inbox_id: inboxId,
    conversation_id: m.conversationId,
    message_type: typeCode[m.messageType],
    content_type: 'text',
    content_attributes: {},
    private: m.private,
    source_id: m.sourceId,
    sender: m.sender,
    created_at: Math.floor(Date.now() / 1000),
    ...(m.attachments.length && { attachments: m.attachments.map(attachmentJson(m)) }),
  });
  const attachmentJson = (m: FakeChatwootMessage) => (a: FakeChatwootAttachment) => ({
    id: a.id,
    message_id: m.id,
    file_type: a.fileType,
    account_id: accountId,
    data_url: a.dataUrl,
    thumb_url: a.fileType === 'image' ? a.dataUrl : '',
    file_size: a.bytes.byteLength,
  });
  const attach = (files: { fileName: string; contentType: string; bytes: Uint8Array }[]) =>
    files.map((f) => {
      const id = nextId++;
      return {
        id,
        fileType: f.contentType.startsWith('image/') ? ('image' as const) : ('file' as const),
        fileName: f.fileName,
        contentType: f.contentType,
        bytes: f.bytes,
        // Chatwoot's data_url redirects to its storage; the fake serves the file at once.
        dataUrl: `${fake.url}/rails/active_storage/blobs/redirect/${id}/${encodeURIComponent(f.fileName)}`,
      };
    });
  const messageWebhook = (m: FakeChatwootMessage) => {
    const v = conversations.find((c) => c.id === m.conversationId)!;
    return {
      event: 'message_created',
      ...messageJson(m),
      message_type: m.messageType,
      created_at: new Date().toISOString(),
      additional_attributes: {},
      inbox: { id: inboxId, name: 'WhatsApp' },
      account: { id: accountId, name: 'Acme' },
      conversation: conversationJson(v),
    };
  };
  const statusWebhook = (v: FakeChatwootConversation) => ({
    event: 'conversation_status_changed',
    ...conversationJson(v),
    channel: 'Channel::Api',
  });
  const addMessage = (m: Omit<FakeChatwootMessage, 'id'>) => {
    const message = { ...m, id: nextId++ };
    messages.push(message);
    // An incoming message reopens a resolved conversation (bot-less API inbox: `open`).
    const v = conversations.find((c) => c.id === m.conversationId)!;
    if (m.messageType === 'incoming' && v.status === 'resolved') {
      v.status = 'open';
      queued.push(statusWebhook(v));
    }
    queued.push(messageWebhook(message));
    return message;
  };

  const fake: FakeChatwoot = {
    url: '',
    accountId,
    inboxId,
    token,
    contacts,
    conversations,
    messages,
    down: false,
    takeWebhooks() {
      const out = queued;
      queued = [];
      return out;
    },
    agentReply(conversationId, content, o = {}) {
      const m = addMessage({
        conversationId,
        content,
        messageType: 'outgoing',
        private: o.private ?? false,
        sourceId: null,
        sender: agent,
        attachments: attach(o.attachments ?? []),
      });
      queued.pop();
      return messageWebhook(m);
    },
    resolve(conversationId) {
      const v = conversations.find((c) => c.id === conversationId)!;
      v.status = 'resolved';
      return statusWebhook(v);
    },
    close: async () => undefined,
  };

  const base = `/api/v1/accounts/${accountId}`;
  const handle = (
    req: IncomingMessage,
    body: Record<string, unknown>,
    files: { fileName: string; contentType: string; bytes: Uint8Array }[],
    res: ServerResponse,
  ) => {
    const send = (status: number, value: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    if (fake.down) return send(503, { error: 'Service Unavailable' });
    const blob = /^\/rails\/active_storage\/blobs\/redirect\/(\d+)\//.exec(req.url ?? '');
    if (blob) {
      const file = messages.flatMap((m) => m.attachments).find((a) => a.id === Number(blob[1]));
      if (!file) return send(404, { error: 'not found' });
      return res.writeHead(200, { 'content-type': file.contentType }).end(file.bytes);
    }
    const auth = req.headers['api-access-token'] ?? req.headers['api_access_token'];
    if (auth !== token) return send(401, { error: 'Invalid Access Token' });
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith(`${base}/`)) return send(404, { error: 'Resource could not be found' });
    const path = url.pathname.slice(base.length);
    const route = `${req.method} ${path.replace(/\/\d+/g, '/:id')}`;
    const idIn = Number(path.split('/')[2]);
    switch (route) {
      case 'GET /contacts/search': {
        const q = url.searchParams.get('q') ?? '';
        const found = contacts.filter(
          (c) => c.name.includes(q) || c.phone_number.includes(q) || c.identifier?.includes(q),
        );
        return send(200, { meta: { count: found.length, current_page: 1 }, payload: found.map(contactJson) });
      }
      case 'POST /contacts': {
        const phone = String(body.phone_number ?? '');
        if (!/^\+[1-9]\d{1,14}$/.test(phone))
          return send(422, { message: 'Phone number should be in e164 format', attributes: ['phone_number'] });
        if (contacts.some((c) => c.phone_number === phone))
          return send(422, { message: 'Phone number has already been taken', attributes: ['phone_number'] });
        const contact = {
          id: nextId++,
          name: String(body.name ?? ''),
          phone_number: phone,
          identifier: (body.identifier as string) ?? null,
        };
        contacts.push(contact);
        return send(200, {
          payload: {
            contact: contactJson(contact),
            contact_inbox: { inbox: { id: inboxId }, source_id: body.source_id },
          },
        });
      }
      case 'GET /contacts/:id/conversations':
        return send(200, { payload: conversations.filter((v) => v.contactId === idIn).map(conversationJson) });
      case 'POST /conversations': {
        if (!body.inbox_id || !body.contact_id) return send(404, { error: 'Resource could not be found' });
        const v: FakeChatwootConversation = {
          id: nextId++,
          contactId: Number(body.contact_id),
          inboxId: Number(body.inbox_id),
          sourceId: String(body.source_id ?? ''),
          status: (body.status as FakeChatwootConversation['status']) ?? 'open',
          customAttributes: {},
        };
        conversations.push(v);
        queued.push({ event: 'conversation_created', ...conversationJson(v) });
        return send(200, conversationJson(v));
      }
      case 'POST /conversations/:id/messages': {
        if (!conversations.some((v) => v.id === idIn)) return send(404, { error: 'Resource could not be found' });
        const incoming = body.message_type === 'incoming';
        const m = addMessage({
          conversationId: idIn,
          content: String(body.content ?? ''),
          messageType: incoming ? 'incoming' : 'outgoing',
          private: body.private === true,
          sourceId: (body.source_id as string) ?? null,
          sender: incoming
            ? { id: conversations.find((v) => v.id === idIn)!.contactId, name: '', type: 'contact' }
            : agent,
          attachments: attach(files),
        });
        return send(200, messageJson(m));
      }
      case 'POST /conversations/:id/toggle_status': {
        const v = conversations.find((c) => c.id === idIn);
        if (!v) return send(404, { error: 'Resource could not be found' });
        const changed = v.status !== body.status;
        v.status = body.status as FakeChatwootConversation['status'];
        if (changed) queued.push(statusWebhook(v));
        return send(200, {
          meta: {},
          payload: { success: true, conversation_id: v.id, current_status: v.status, snoozed_until: null },
        });
      }
      case 'POST /conversations/:id/custom_attributes': {
        const v = conversations.find((c) => c.id === idIn);
        if (!v) return send(404, { error: 'Resource could not be found' });
        v.customAttributes = (body.custom_attributes as Record<string, unknown>) ?? {};
        return send(200, { custom_attributes: v.customAttributes });
      }
      default:
        return send(404, { error: 'Resource could not be found' });
    }
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const type = req.headers['content-type'] ?? '';
      if (!type.startsWith('multipart/form-data')) {
        const text = raw.toString('utf8');
        return handle(req, text ? (JSON.parse(text) as Record<string, unknown>) : {}, [], res);
      }
      // Multipart as Rails reads it: plain fields, `attachments[]` files (CHATWOOT.md §2.7).
      void new Response(raw, { headers: { 'content-type': type } }).formData().then(async (form) => {
        const body: Record<string, unknown> = {};
        const files: { fileName: string; contentType: string; bytes: Uint8Array }[] = [];
        for (const [key, value] of form.entries()) {
          if (typeof value === 'string') body[key] = key === 'private' ? value === 'true' : value;
          else if (key === 'attachments[]')
            files.push({
              fileName: value.name,
              contentType: value.type,
              bytes: new Uint8Array(await value.arrayBuffer()),
            });
        }
        handle(req, body, files, res);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return fake;
}

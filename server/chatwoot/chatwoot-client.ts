/**
 * The few calls of Chatwoot's Application API the bridge makes (see /work/shared/CHATWOOT.md
 * §2): JSON under `/api/v1/accounts/{account}`, authenticated with `Api-Access-Token` (the
 * hyphenated spelling survives nginx, which drops `api_access_token`). Envelopes are unwrapped
 * here so the bridge sees plain objects.
 */
export interface ChatwootContact {
  id: number;
  phone_number: string | null;
  identifier: string | null;
}
export interface ChatwootConversation {
  id: number;
  inbox_id: number;
  status: string;
}

export interface ChatwootUpload {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

export class ChatwootError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    path: string,
  ) {
    super(`Chatwoot respondeu ${status} em ${path}: ${body.slice(0, 200)}`);
    this.name = 'ChatwootError';
  }
}

export interface ChatwootClientOptions {
  baseUrl: string;
  accountId: number;
  apiToken: string;
  fetchFn: typeof fetch;
  timeoutMs?: number;
}

export function createChatwootClient(o: ChatwootClientOptions) {
  const base = `${o.baseUrl.replace(/\/+$/, '')}/api/v1/accounts/${o.accountId}`;
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    // A form sets its own multipart content type (with the boundary).
    const form = body instanceof FormData;
    const res = await o.fetchFn(`${base}${path}`, {
      method,
      redirect: 'manual',
      signal: AbortSignal.timeout(o.timeoutMs ?? (form ? 60_000 : 10_000)),
      headers: {
        'api-access-token': o.apiToken,
        ...(body === undefined || form ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status < 200 || res.status >= 300) throw new ChatwootError(res.status, text, path);
    return (text ? JSON.parse(text) : null) as T;
  }
  return {
    /** `GET contacts/search` is a substring search: the caller picks the exact match. */
    async searchContacts(q: string): Promise<ChatwootContact[]> {
      const r = await call<{ payload: ChatwootContact[] }>('GET', `/contacts/search?q=${encodeURIComponent(q)}`);
      return r.payload ?? [];
    },
    /** Creates the contact with its contact_inbox (`inbox_id` + `source_id`) in one call. */
    async createContact(input: {
      inbox_id: number;
      source_id: string;
      name: string;
      phone_number: string;
      identifier: string;
    }): Promise<ChatwootContact> {
      const r = await call<{ payload: { contact: ChatwootContact } }>('POST', '/contacts', input);
      return r.payload.contact;
    },
    async contactConversations(contactId: number): Promise<ChatwootConversation[]> {
      const r = await call<{ payload: ChatwootConversation[] }>('GET', `/contacts/${contactId}/conversations`);
      return r.payload ?? [];
    },
    /** Always with `inbox_id` + `contact_id` + `source_id` (else Chatwoot looks the source_id up globally: 404). */
    async createConversation(input: {
      inbox_id: number;
      contact_id: number;
      source_id: string;
      status: 'open' | 'pending';
    }): Promise<ChatwootConversation> {
      return call<ChatwootConversation>('POST', '/conversations', input);
    },
    async postMessage(
      conversationId: number,
      input: {
        content: string;
        message_type: 'incoming' | 'outgoing';
        private: boolean;
        source_id?: string;
        content_attributes?: Record<string, unknown>;
      },
      /** Files sent as multipart `attachments[]` (CHATWOOT.md §2.7), the other fields beside them. */
      attachments: ChatwootUpload[] = [],
    ): Promise<{ id: number }> {
      const path = `/conversations/${conversationId}/messages`;
      if (!attachments.length) return call<{ id: number }>('POST', path, input);
      const form = new FormData();
      for (const [key, value] of Object.entries(input)) {
        if (value !== undefined) form.set(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
      }
      for (const a of attachments)
        form.append('attachments[]', new Blob([a.bytes as Uint8Array<ArrayBuffer>], { type: a.mimeType }), a.fileName);
      return call<{ id: number }>('POST', path, form);
    },
    async toggleStatus(conversationId: number, status: 'open' | 'resolved' | 'pending'): Promise<void> {
      await call('POST', `/conversations/${conversationId}/toggle_status`, { status });
    },
    /** Replaces the conversation's custom attributes. */
    async setCustomAttributes(conversationId: number, attributes: Record<string, string | number | boolean>) {
      await call('POST', `/conversations/${conversationId}/custom_attributes`, { custom_attributes: attributes });
    },
  };
}
export type ChatwootClient = ReturnType<typeof createChatwootClient>;

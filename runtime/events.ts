/**
 * What can happen to a contact's session. The WhatsApp layer turns webhooks into these;
 * the simulator and flow tests build them directly.
 */
export type InboundContent =
  | { kind: 'text'; text: string }
  /** A tapped reply button or list row (also a template's quick-reply button). */
  | { kind: 'reply'; id: string; title: string }
  | { kind: 'location'; latitude: number; longitude: number; name?: string; address?: string }
  | { kind: 'media'; media: 'image' | 'audio' | 'video' | 'document' | 'sticker'; mediaId?: string; url?: string; caption?: string; mimeType?: string }
  | { kind: 'contacts'; contacts: { name: string; phones: string[] }[] }
  | { kind: 'order'; items: { productId: string; quantity: number; unitPrice: number }[] }
  | { kind: 'reaction'; emoji: string; messageId: string }
  /** Anything the flow cannot read; answered with the flow's fallback message. */
  | { kind: 'unsupported'; type: string };

export type SessionEvent =
  | { type: 'message'; content: InboundContent }
  /** A timer set by an earlier step fired; `key` says which, stale ones are ignored. */
  | { type: 'timer'; key: string }
  | { type: 'handoff_resolved' }
  /** A campaign or API starts the flow for a contact, with variables (amount, due date...). */
  | { type: 'start'; variables?: Record<string, string | number | boolean | null> };

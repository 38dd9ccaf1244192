import type { InboundContent } from '../shared/messages/inbound.ts';

/** What a contact sends: the schema lives in shared/messages/inbound.ts. */
export type { InboundContent };

/**
 * What can happen to a contact's session. The WhatsApp layer turns webhooks into these;
 * the simulator and flow tests build them directly.
 */
export type SessionEvent =
  | { type: 'message'; content: InboundContent }
  /** A timer set by an earlier step fired; `key` says which, stale ones are ignored. */
  | { type: 'timer'; key: string }
  | { type: 'handoff_resolved' }
  /** The business confirmed the Pix charge with this reference (PSP callback or "marcar como pago"). */
  | { type: 'payment_confirmed'; reference: string }
  /** A campaign or API starts the flow for a contact, with variables (amount, due date...). */
  | { type: 'start'; variables?: Record<string, string | number | boolean | null> };

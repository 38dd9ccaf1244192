import type { OutboundMessage } from './messages.ts';
import type { Json } from './session.ts';

/**
 * Changes to the world decided by a step. The server commits them in the same transaction
 * as the session (outbox), so each happens exactly once even when a step is retried.
 */
export interface OrderItem {
  productId: string;
  /** The size or flavour chosen, whose stock the order takes; absent for a product without variants. */
  variantId?: string | null;
  name: string;
  unitPriceCents: number;
  quantity: number;
}

/** What the flow collected for delivering an order; empty text when it asked nothing. */
export interface OrderDelivery {
  address: string;
  notes: string;
  paymentMethod: string | null;
}

export type Effect =
  | { type: 'send'; message: OutboundMessage }
  | { type: 'set_timer'; key: string; at: string }
  | { type: 'cancel_timer'; key: string }
  | {
      type: 'open_handoff';
      team: string;
      note: string;
      context: { variables: Record<string, Json>; messages: { role: 'contact' | 'bot'; text: string }[] };
    }
  | { type: 'record_order'; items: OrderItem[]; totalCents: number; delivery: OrderDelivery }
  | { type: 'analytics'; nodeId: string; kind: 'enter' | 'exit'; output?: string }
  /**
   * A `goto` node pointing at another flow: this session ends and the server starts the
   * target flow's published version for the contact with these variables.
   */
  | { type: 'start_flow'; flowId: string; variables: Record<string, Json> };

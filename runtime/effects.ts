import type { HandoffPriority } from '../shared/flow/nodes/handoff.ts';
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

/** One tool the AI agent called during a turn, as recorded for the operator. */
export interface AiToolCall {
  name: string;
  input: Json;
  output: Json;
  /** The tool failed (bad arguments, a refused HTTP call...); the model saw this text. */
  error: string | null;
}

/**
 * One AI call: an agent turn, a classification of a free answer, or a voice note transcribed —
 * what it cost and what it did (stored in `ai_runs`, never shown to the contact).
 */
export interface AiRun {
  nodeId: string;
  provider: string;
  model: string;
  /**
   * An agent's `reply` waits for the contact; `done`, `escalate`, `error` are the output the block
   * left through. A classification is `classified` (an option taken) or `unmatched`; a voice note `transcribed`.
   */
  outcome: 'reply' | 'done' | 'escalate' | 'error' | 'classified' | 'unmatched' | 'transcribed';
  error: string | null;
  steps: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  toolCalls: AiToolCall[];
}

export type Effect =
  | { type: 'send'; message: OutboundMessage }
  | { type: 'set_timer'; key: string; at: string }
  | { type: 'cancel_timer'; key: string }
  | {
      type: 'open_handoff';
      team: string;
      priority: HandoffPriority;
      note: string;
      context: { variables: Record<string, Json>; messages: { role: 'contact' | 'bot'; text: string }[] };
    }
  | { type: 'record_order'; items: OrderItem[]; totalCents: number; delivery: OrderDelivery }
  /**
   * A Pix charge the payment block sent: the server records it on the order (the session's
   * unpaid order of this amount, or a new one) so the confirmation finds the waiting session.
   */
  | {
      type: 'request_payment';
      /** Also the code's txid and Meta's reference_id. */
      reference: string;
      amountCents: number;
      description: string;
      code: string;
      expiresAt: string;
    }
  | { type: 'analytics'; nodeId: string; kind: 'enter' | 'exit'; output?: string }
  | { type: 'ai_run'; run: AiRun }
  /**
   * A `goto` node pointing at another flow: this session ends and the server starts the
   * target flow's published version for the contact with these variables.
   */
  | { type: 'start_flow'; flowId: string; variables: Record<string, Json> };

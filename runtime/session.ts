import { z } from 'zod';

export type Json = z.infer<ReturnType<typeof z.json>>;
const json = z.json();

export const historyLimit = 50;

export const awaitingKinds = [
  /** a tap or typed option (menu) */ 'choice',
  /** a validated answer (question) */ 'answer',
  /** catalog browsing (product_picker) */ 'catalog',
  /** the next turn of an LLM conversation */ 'conversation',
  /** any reply or the timer (wait) */ 'reply',
  /** a human agent resolving the handoff */ 'agent',
  /** picking a day and a slot of an agenda (schedule) */ 'booking',
  /** the confirmation of a Pix charge or its expiry (payment) */ 'payment',
] as const;

export const awaiting = z.object({
  kind: z.enum(awaitingKinds),
  /** Wrong answers already re-asked. */
  retries: z.number().int().min(0).default(0),
  /** The timer whose firing means `timeout`; other timer keys are stale and ignored. */
  timerKey: z.string().nullable().default(null),
  /** Node-specific progress (picker stage and cart, LLM turn count...), parsed by its executor. */
  state: z.record(z.string(), json).default({}),
});
export type Awaiting = z.infer<typeof awaiting>;

export const historyEntry = z.object({ role: z.enum(['contact', 'bot']), text: z.string() });
export type HistoryEntry = z.infer<typeof historyEntry>;

/**
 * A contact's place in a flow, stored as jsonb. Pinned to a flow version id rather than
 * holding a copy of the graph; `v` lets later releases migrate stored sessions.
 */
export const sessionState = z.object({
  v: z.literal(1),
  flowVersionId: z.string(),
  status: z.enum(['active', 'handoff', 'ended']),
  /** The node waiting for input; null once ended. */
  nodeId: z.string().nullable(),
  awaiting: awaiting.nullable(),
  variables: z.record(z.string(), json),
  lastAnswer: z.string().default(''),
  history: z.array(historyEntry).max(historyLimit),
  /** Why the engine stopped the session (loop guard, missing node); null when all went well. */
  error: z.string().nullable().default(null),
});
export type SessionState = z.infer<typeof sessionState>;

export function newSession(flowVersionId: string, variables: Record<string, Json> = {}): SessionState {
  return {
    v: 1,
    flowVersionId,
    status: 'active',
    nodeId: null,
    awaiting: null,
    variables: { ...variables },
    lastAnswer: '',
    history: [],
    error: null,
  };
}

export function appendHistory(history: HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const next = [...history, entry];
  return next.length > historyLimit ? next.slice(next.length - historyLimit) : next;
}

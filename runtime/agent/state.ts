import { z } from 'zod';

/** A line of the agent's cart; prices are copied from the catalog when added. */
export const cartLine = z.object({
  productId: z.string(),
  name: z.string(),
  unitPriceCents: z.number().int(),
  quantity: z.number().int().min(1),
});
export type CartLine = z.infer<typeof cartLine>;

export const memoryEntry = z.object({ role: z.enum(['user', 'assistant']), text: z.string() });
export type MemoryEntry = z.infer<typeof memoryEntry>;

/**
 * What an agent block keeps between messages, in the session's `awaiting.state` (jsonb).
 * Every field falls back to empty so a stored state from an older release still loads.
 */
export const agentState = z.object({
  memory: z.array(memoryEntry).catch([]),
  /** Older turns that left the window, when the block keeps a summary. */
  summary: z.string().catch(''),
  /** ISO time of the last message; memory expires after the block's inactivity limit. */
  lastAt: z.string().nullable().catch(null),
  turns: z.number().int().min(0).catch(0),
  /** Spent in this conversation, across turns (the block's limits). */
  tokens: z.number().min(0).catch(0),
  costUsd: z.number().min(0).catch(0),
  cart: z.array(cartLine).catch([]),
});
export type AgentState = z.infer<typeof agentState>;

export const emptyAgentState = (): AgentState => agentState.parse({});

/** How many characters of dropped turns a summary keeps (most recent last). */
const summaryChars = 1500;

/**
 * Appends a turn and keeps the last `window` entries. Entries that fall out are folded into the
 * summary when asked: a plain transcript of the most recent ones, no model call needed.
 */
export function remember(
  state: AgentState,
  entries: MemoryEntry[],
  window: number,
  summarize: boolean,
): Pick<AgentState, 'memory' | 'summary'> {
  const all = [...state.memory, ...entries];
  const keep = window === 0 ? [] : all.slice(-window);
  const dropped = all.slice(0, all.length - keep.length);
  if (!summarize || dropped.length === 0) return { memory: keep, summary: state.summary };
  const lines = dropped.map((e) => `${e.role === 'user' ? 'Contato' : 'Você'}: ${e.text}`).join('\n');
  const summary = `${state.summary}\n${lines}`.trim();
  return { memory: keep, summary: summary.length > summaryChars ? summary.slice(-summaryChars) : summary };
}

/** Whether the conversation went quiet for longer than the block allows, so it starts over. */
export function expired(state: AgentState, now: Date, expireMinutes: number): boolean {
  if (!state.lastAt) return false;
  const last = Date.parse(state.lastAt);
  return Number.isFinite(last) && now.getTime() - last > expireMinutes * 60_000;
}

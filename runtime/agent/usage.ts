import type { LanguageModelUsage } from 'ai';
import type { AgentData } from '../../shared/flow/nodes/agent.ts';

export interface Spent {
  inputTokens: number;
  outputTokens: number;
}

export const tokensOf = (u: Pick<LanguageModelUsage, 'inputTokens' | 'outputTokens'>): Spent => ({
  inputTokens: u.inputTokens ?? 0,
  outputTokens: u.outputTokens ?? 0,
});

/** Estimated cost in US dollars, from the block's prices per million tokens. */
export function costOf(spent: Spent, pricing: AgentData['pricing']): number {
  return (spent.inputTokens * pricing.inputUsdPerMillion + spent.outputTokens * pricing.outputUsdPerMillion) / 1e6;
}

/** Which conversation limit, if any, these totals reach. */
export function limitReached(
  totals: { tokens: number; costUsd: number },
  limits: AgentData['limits'],
): 'token_limit' | 'cost_limit' | null {
  if (totals.tokens >= limits.maxTokens) return 'token_limit';
  if (limits.maxCostUsd > 0 && totals.costUsd >= limits.maxCostUsd) return 'cost_limit';
  return null;
}

import { z } from 'zod';

/** One tool call of an agent turn, as the operator reads it. */
export const aiToolCallView = z.object({
  name: z.string(),
  input: z.unknown(),
  output: z.unknown(),
  error: z.string().nullable(),
});

/** One AI agent turn: model, spending, outcome and its tool calls. Operators only. */
export const aiRunView = z.object({
  id: z.string(),
  at: z.string(),
  sessionId: z.string().nullable(),
  nodeId: z.string(),
  provider: z.string(),
  model: z.string(),
  /** `reply` waited for the contact; otherwise the block's output (`done`, `escalate`, `error`). */
  outcome: z.string(),
  error: z.string().nullable(),
  steps: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  costUsd: z.number(),
  toolCalls: z.array(aiToolCallView),
});
export type AiRunView = z.infer<typeof aiRunView>;

/** `GET /api/conversations/{id}/ai-runs`: the latest turns, oldest first. */
export const aiRunsResponse = z.object({ runs: z.array(aiRunView) });

/** The dashboard's AI figure for its period. */
export const aiUsageResponse = z.object({ runs: z.number().int(), tokens: z.number().int(), costUsd: z.number() });

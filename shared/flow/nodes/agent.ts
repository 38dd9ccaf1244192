import { z } from 'zod';
import { templateText, variableName } from '../common.ts';
import { httpMethods } from './http.ts';

/** What an agent block may be allowed to do; the editor ticks a subset per block. */
export const agentToolNames = [
  'search_catalog',
  'show_product',
  'cart',
  'create_order',
  'list_slots',
  'book_slot',
  'financing',
  'set_variables',
  'handoff',
  'http',
  'end',
] as const;
export const agentToolName = z.enum(agentToolNames);
export type AgentToolName = z.infer<typeof agentToolName>;

/** Why an agent left through `error`: stored in the block's reason variable and in the AI run record. */
export const agentErrorReasons = [
  'no_provider',
  'provider_error',
  'rate_limited',
  'step_limit',
  'time_limit',
  'token_limit',
  'cost_limit',
  'turn_limit',
] as const;
export type AgentErrorReason = (typeof agentErrorReasons)[number];

export const agentLimits = z.object({
  /** Model calls (each may call tools) allowed to answer one message. */
  stepsPerTurn: z.number().int().min(1).max(20).default(6),
  /** Time to answer one message, provider calls and tools included. */
  turnTimeoutMs: z.number().int().min(100).max(120_000).default(30_000),
  /** Tokens (input + output) allowed for the whole conversation with this block. */
  maxTokens: z.number().int().min(100).max(10_000_000).default(200_000),
  /** Estimated cost allowed for the conversation, in US dollars. */
  maxCostUsd: z.number().min(0).max(100).default(0.5),
  /** Replies before leaving through `done`; 0 is unlimited (the cost limit still applies). */
  maxTurns: z.number().int().min(0).max(500).default(0),
});
export type AgentLimits = z.infer<typeof agentLimits>;

export const agentMemory = z.object({
  /** Earlier messages of this conversation the model sees. */
  historyMessages: z.number().int().min(0).max(100).default(20),
  /** After this many minutes without messages the agent forgets the conversation. */
  expireMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .default(30),
  /** Keep a short summary of the turns that fall out of the window. */
  summarize: z.boolean().default(false),
});
export type AgentMemory = z.infer<typeof agentMemory>;

/** Prices used to estimate the cost, per million tokens (defaults are a small hosted model's). */
export const agentPricing = z.object({
  inputUsdPerMillion: z.number().min(0).max(1000).default(0.15),
  outputUsdPerMillion: z.number().min(0).max(1000).default(0.6),
});

export const agentData = z.object({
  instructions: templateText.min(1),
  tools: z.array(agentToolName).max(agentToolNames.length).default([]),
  /** Extra instructions per tool ("só ofereça produtos em estoque"), appended to its description. */
  toolInstructions: z.partialRecord(agentToolName, z.string().max(2000)).default({}),
  /** A named provider from Configurações; empty uses the default one. */
  provider: z.string().max(80).default(''),
  /** The provider's model for this block; empty uses the provider's model. */
  model: z.string().max(120).default(''),
  temperature: z.number().min(0).max(2).default(0.3),
  limits: agentLimits.default(agentLimits.parse({})),
  memory: agentMemory.default(agentMemory.parse({})),
  pricing: agentPricing.default(agentPricing.parse({})),
  /** Variables `set_variables` may fill, with what each one means (its declared schema). */
  variables: z
    .array(z.object({ name: variableName, description: z.string().max(500).default('') }))
    .max(30)
    .default([]),
  /** `handoff` with a score at or above this leaves through `escalate`; below, the agent goes on. */
  escalateThreshold: z.number().min(0).max(1).default(0.8),
  /** The endpoint the `http` tool may call (the SSRF guard applies). */
  http: z
    .object({
      method: z.enum(httpMethods).default('GET'),
      url: templateText.default(''),
      description: z.string().max(500).default(''),
    })
    .default({ method: 'GET', url: '', description: '' }),
  /** The agenda (Agenda page) whose free slots `list_slots` offers and `book_slot` books; empty until chosen. */
  agendaId: z.string().max(100).default(''),
  /** Pictures the contact sends go to the model (it must be vision-capable). */
  allowImages: z.boolean().default(false),
  /** Voice notes are transcribed (the provider's transcription model) and read as typed text. */
  allowAudio: z.boolean().default(false),
  /** Where the reason of an `error` exit is stored. */
  errorVariable: variableName.default('ai_error'),
});
export type AgentData = z.infer<typeof agentData>;

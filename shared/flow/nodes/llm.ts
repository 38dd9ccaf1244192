import { z } from 'zod';
import { templateText, variableName, whenWindowClosed } from '../common.ts';

export const llmData = z.object({
  windowClosed: whenWindowClosed,
  systemPrompt: templateText.min(1),
  /** How many earlier messages of the conversation the model sees. */
  historyMessages: z.number().int().min(0).max(50).default(10),
  temperature: z.number().min(0).max(2).default(0.3),
  /** A qualification score at or above this takes the `escalate` output. */
  escalateThreshold: z.number().min(0).max(1).default(0.8),
  /** Variables the model may fill in, with what each one means. */
  variables: z.array(z.object({ name: variableName, description: z.string().default('') })).default([]),
  /** After this many replies the node moves on through `next`; 0 is unlimited (the contact or the model ends it). */
  maxTurns: z.number().int().min(0).max(500).default(0),
  /** Stores the last qualification score here. */
  scoreVariable: variableName.default('score'),
  timeoutMs: z.number().int().min(1000).max(120_000).default(20_000),
  /** A named provider from Configurações; empty uses the default one. */
  provider: z.string().max(80).default(''),
  /** The provider's model for this block; empty uses the provider's model. */
  model: z.string().max(120).default(''),
  /** Pictures the contact sends go to the default provider's model when it sees (its vision flag). */
  allowImages: z.boolean().default(false),
  /** Voice notes are transcribed (the default provider's transcription model) and read as typed text. */
  allowAudio: z.boolean().default(false),
});
export type LlmData = z.infer<typeof llmData>;

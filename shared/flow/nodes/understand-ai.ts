import { z } from 'zod';

/**
 * "Entender com IA" on blocks that ask for a choice: when a typed answer (or a voice note's
 * text) matches no option, a model of a named provider picks the option meant, taken only at
 * or above `threshold` confidence; below it, or on any provider error, the block re-asks as usual.
 */
export const understandAi = z.object({
  enabled: z.boolean().default(false),
  /** A named provider from Configurações; empty uses the default one. */
  provider: z.string().max(80).default(''),
  /** The provider's model for this block; empty uses the provider's model. */
  model: z.string().max(120).default(''),
  threshold: z.number().min(0).max(1).default(0.7),
});
export type UnderstandAi = z.infer<typeof understandAi>;

export const understandAiOff: UnderstandAi = understandAi.parse({});

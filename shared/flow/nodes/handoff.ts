import { z } from 'zod';
import { templateText } from '../common.ts';

export const handoffPriorities = ['normal', 'high', 'urgent'] as const;
export type HandoffPriority = (typeof handoffPriorities)[number];

export const handoffData = z.object({
  team: z.string().min(1).max(60).default('atendimento'),
  /** Sent to the contact when the handoff opens. */
  message: templateText.default('Vou te passar para um atendente. Só um instante! 🙋'),
  /** What the agent sees first, e.g. "Lead quer visitar {{imovel}}". */
  note: templateText.default(''),
  /** Higher priorities leave the team queue first. */
  priority: z.enum(handoffPriorities).default('normal'),
});
export type HandoffData = z.infer<typeof handoffData>;

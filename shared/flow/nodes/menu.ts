import { z } from 'zod';
import { localId, templateText, timeoutMinutes, variableName, whenWindowClosed } from '../common.ts';
import { understandAi, understandAiOff } from './understand-ai.ts';

export const menuOption = z.object({
  id: localId,
  title: templateText.min(1),
  /** Shown under the title when the menu is sent as a list. */
  description: templateText.optional(),
  /** Other words for this option that a typed answer may use ("simulação", "parcelas"). */
  synonyms: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
});
export type MenuOption = z.infer<typeof menuOption>;

export const menuData = z.object({
  windowClosed: whenWindowClosed,
  text: templateText.min(1),
  header: templateText.optional(),
  footer: templateText.optional(),
  /** Label of the button that opens the list sheet (lists only). */
  buttonLabel: z.string().min(1).default('Ver opções'),
  options: z.array(menuOption).default([]),
  /** How many wrong answers are re-asked before the `invalid` output. */
  retries: z.number().int().min(0).max(10).default(2),
  retryMessage: templateText.default('Não entendi 🙂 Escolha uma das opções abaixo.'),
  timeoutMinutes,
  /** Stores the chosen option's title here when set. */
  variable: variableName.optional(),
  /** Answers matching no option (typed or spoken) are classified by an AI model. */
  ai: understandAi.default(understandAiOff),
});
export type MenuData = z.infer<typeof menuData>;

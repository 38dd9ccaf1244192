import { z } from 'zod';
import { templateText, timeoutMinutes, variableName, whenWindowClosed } from '../common.ts';
import { understandAi, understandAiOff } from './understand-ai.ts';

export const questionKinds = [
  'text',
  'number',
  'email',
  'phone',
  'cpf',
  'cnpj',
  'date',
  'yes_no',
  'location',
  'media',
] as const;
export type QuestionKind = (typeof questionKinds)[number];

export const questionData = z.object({
  windowClosed: whenWindowClosed,
  text: templateText.min(1),
  kind: z.enum(questionKinds).default('text'),
  variable: variableName,
  /** text: length bounds; number: value bounds. */
  min: z.number().nullable().default(null),
  max: z.number().nullable().default(null),
  /** date: refuse days before today where the contact is (today itself is accepted). */
  futureOnly: z.boolean().default(false),
  retries: z.number().int().min(0).max(10).default(2),
  retryMessage: templateText.default('Hmm, não consegui entender. Pode tentar de novo?'),
  timeoutMinutes,
  /** Voice notes are transcribed and read as typed; a yes/no answer not understood is classified. */
  ai: understandAi.default(understandAiOff),
});
export type QuestionData = z.infer<typeof questionData>;

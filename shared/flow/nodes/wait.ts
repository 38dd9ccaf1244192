import { z } from 'zod';
import { templateText } from '../common.ts';

export const waitData = z.object({
  /** The `timeout` output fires after this; null waits for a reply only. */
  durationMinutes: z
    .number()
    .positive()
    .max(60 * 24 * 30)
    .nullable()
    .default(60),
  /** Optional text sent when the wait starts. */
  message: templateText.default(''),
  /** Stores the reply text here when set. */
  variable: z.string().optional(),
});
export type WaitData = z.infer<typeof waitData>;

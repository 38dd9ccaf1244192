import { z } from 'zod';

export const startData = z.object({
  /** Words that (re)start this flow when a contact sends them, e.g. "menu", "oi". */
  keywords: z.array(z.string().min(1).max(60)).default([]),
});
export type StartData = z.infer<typeof startData>;

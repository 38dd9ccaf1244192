import { z } from 'zod';
import { templateText } from '../common.ts';

export const endData = z.object({
  /** Optional goodbye text. */
  message: templateText.default(''),
});
export type EndData = z.infer<typeof endData>;

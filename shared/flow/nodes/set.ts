import { z } from 'zod';
import { templateText, variableName } from '../common.ts';

export const setData = z.object({
  assignments: z.array(z.object({ variable: variableName, value: templateText })).default([]),
});
export type SetData = z.infer<typeof setData>;

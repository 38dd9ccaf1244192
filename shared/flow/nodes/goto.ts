import { z } from 'zod';

export const gotoData = z.object({
  target: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('node'), nodeId: z.string().min(1) }),
      z.object({ kind: z.literal('flow'), flowId: z.string().min(1) }),
    ])
    .nullable()
    .default(null),
});
export type GotoData = z.infer<typeof gotoData>;

import { z } from 'zod';
import { analyticsDays } from './analytics-days.ts';

export { analyticsDays };

/**
 * `GET /api/flows/:id/analytics` query: `days` (the last 7, 30 or 90 days) or an ISO `from`
 * and/or `to`, not both kinds; none is all time. `version` narrows the per-node counts.
 */
export const analyticsQuery = z
  .object({
    version: z.coerce.number().int().min(1).optional(),
    days: z
      .enum(analyticsDays.map(String) as ['7', '30', '90'])
      .transform(Number)
      .optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((q) => q.days === undefined || (q.from === undefined && q.to === undefined), {
    message: 'use days or from/to, not both',
    path: ['days'],
  })
  .refine((q) => q.from === undefined || q.to === undefined || Date.parse(q.from) <= Date.parse(q.to), {
    message: 'from must not be after to',
    path: ['from'],
  });

/**
 * One block's counts. Whoever entered and did not leave stopped there, and is counted once, by
 * what the block is: `completions` at an end block or a go-to (the conversation ended there on
 * purpose, or went on in another flow), `withAgent` at a handoff (handed to a person and not
 * back yet), `dropOff` anywhere else (left the conversation there, or still waiting to answer).
 */
export const nodeAnalytics = z.object({
  entries: z.number().int(),
  exits: z.number().int(),
  dropOff: z.number().int(),
  completions: z.number().int(),
  withAgent: z.number().int(),
});
export type NodeAnalytics = z.infer<typeof nodeAnalytics>;

export const analyticsResponse = z.object({
  /** The period counted, as applied (ISO); null ends are open. */
  period: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  nodes: z.record(z.string(), nodeAnalytics),
  versions: z.array(z.object({ version: z.number().int(), sessions: z.number().int(), entries: z.number().int() })),
});
export type AnalyticsResponse = z.infer<typeof analyticsResponse>;

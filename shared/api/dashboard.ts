import { z } from 'zod';

/** The periods the dashboard offers (the last N days, counted in the account's time zone); or a custom `from`/`to`. */
export const dashboardDays = [7, 30, 90] as const;

/**
 * `GET /api/dashboard` query. `from`/`to` are ISO instants (either may be left out: `to` is now,
 * `from` is the start of the day `days - 1` days before `to`, in the time zone of the settings). The period
 * is at most 366 days so a figure never scans the whole history.
 */
export const dashboardQuery = z
  .object({
    days: z
      .enum(dashboardDays.map(String) as ['7', '30', '90'])
      .transform(Number)
      .optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    channelId: z.string().min(1).max(100).optional(),
    flowId: z.string().min(1).max(100).optional(),
  })
  .refine((q) => q.days === undefined || q.from === undefined, {
    message: 'use days or from, not both',
    path: ['days'],
  })
  .refine((q) => q.from === undefined || q.to === undefined || Date.parse(q.from) < Date.parse(q.to), {
    message: 'from must be before to',
    path: ['from'],
  });

const count = z.number().int();
/** Seconds; null when nothing was answered in the period. */
const medianSeconds = z.number().nullable();

export const dashboardDay = z.object({
  /** The day in the account's time zone, `YYYY-MM-DD`. */
  day: z.string(),
  started: count,
  completed: count,
  handoffs: count,
  inbound: count,
  outbound: count,
  failed: count,
  orders: count,
  revenueCents: count,
});
export type DashboardDay = z.infer<typeof dashboardDay>;

export const funnelStep = z.object({ nodeId: z.string(), type: z.string(), label: z.string(), sessions: count });
export type FunnelStep = z.infer<typeof funnelStep>;

export const dashboardResponse = z.object({
  period: z.object({ from: z.string(), to: z.string(), timeZone: z.string() }),
  channelId: z.string().nullable(),
  conversations: z.object({
    /** Sessions that started in the period. */
    started: count,
    /** Of those, the ones that reached the end (status `ended`). */
    completed: count,
    /** Of those, the ones handed to a person at least once. */
    handedOff: count,
    /** handedOff / started, 0..1; null with no conversations. */
    handoffRate: z.number().nullable(),
  }),
  firstReply: z.object({
    /** Median time from a contact's message (the first of their turn) to the bot's reply. */
    botSeconds: medianSeconds,
    botSamples: count,
    /** Median time from a handoff opening to the first message a person sent. */
    humanSeconds: medianSeconds,
    humanSamples: count,
  }),
  messages: z.object({
    inbound: count,
    /** Outbound messages by their latest status (pending, sent, delivered, read, failed...). */
    byStatus: z.record(z.string(), count),
    /** Failed outbound messages by Meta's error code (`unknown` when there was none). */
    failuresByCode: z.array(z.object({ code: z.string(), count })),
  }),
  orders: z.object({ count, revenueCents: count }),
  /** The chosen flow's funnel: how many conversations entered each block, in the graph's order. */
  funnel: z.object({ flowId: z.string(), flowName: z.string(), steps: z.array(funnelStep) }).nullable(),
  days: z.array(dashboardDay),
});
export type DashboardResponse = z.infer<typeof dashboardResponse>;

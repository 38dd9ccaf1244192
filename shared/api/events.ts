import { z } from 'zod';

/**
 * What the server tells the studio over `GET /api/events` (server-sent events). Events are small
 * on purpose: they name what changed, and the page that shows it asks the API again.
 */
export const studioEventTypes = [
  /** A contact's message was stored. */
  'message.received',
  /** Messages to the contact were queued (the flow's replies, an agent's, an operator's). */
  'message.queued',
  /** An outgoing message moved on: sent, delivered, read or failed. */
  'message.status',
  'handoff.opened',
  'handoff.claimed',
  'handoff.resolved',
  /** The router (or a supervisor, or a transfer) gave the handoff to `userId`. */
  'handoff.assigned',
  /** No human replied within the team's SLA. */
  'handoff.sla_missed',
  /** Someone ended the contact's session: the next message starts the flow again. */
  'session.reset',
  /** A campaign queued its sends. */
  'campaign.progress',
] as const;
export type StudioEventType = (typeof studioEventTypes)[number];

export const studioEvent = z.object({
  type: z.enum(studioEventTypes),
  /** The conversation (its contact's id) the event is about. */
  conversationId: z.string().optional(),
  handoffId: z.string().optional(),
  campaignId: z.string().optional(),
  /** The person the event is for (an assignment). */
  userId: z.string().optional(),
});
export type StudioEvent = z.infer<typeof studioEvent>;

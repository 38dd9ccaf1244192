import { z } from 'zod';
import { outboundMessage } from '../messages/outbound.ts';

// Postgres text and jsonb cannot hold NUL; a contact can't type one on WhatsApp either.
const typed = z
  .string()
  .max(5000)
  .transform((s) => s.replaceAll('\u0000', ''));

export const simulateRequest = z.object({
  /** Continue this test session; omitted or unknown starts a new one. */
  sessionId: z.string().max(100).optional(),
  /**
   * What the contact types. With no live session it starts the flow, as a new contact's first
   * WhatsApp message does: the start block runs on it, and it is not the answer to the first
   * question. (A request with nothing in it starts the flow unprompted, as a campaign would.)
   */
  text: typed.optional(),
  /** A tapped button or list row. */
  reply: z.object({ id: z.string().max(300), title: z.string().max(300) }).optional(),
  /** Fire the pending timer (wait/timeout) as if its time had come. */
  fireTimer: z.boolean().optional(),
  /** Resolve the open handoff, as an agent would. */
  resolveHandoff: z.boolean().optional(),
  /**
   * Simulate with the contact's 24-hour window closed, as after a campaign's template or a long
   * silence: what the bot sends on its own (start without text, a fired timer) takes the
   * `window_closed` paths and template fallbacks. A message from the contact opens it, as on WhatsApp.
   */
  windowClosed: z.boolean().optional(),
  /** Variables a campaign would start with. */
  variables: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});
export type SimulateRequest = z.infer<typeof simulateRequest>;

export const simulateResponse = z.object({
  sessionId: z.string(),
  /** What the bot sent, in the one message contract the server stores and sends. */
  messages: z.array(outboundMessage),
  nodeId: z.string().nullable(),
  status: z.enum(['active', 'handoff', 'ended']),
  variables: z.record(z.string(), z.unknown()),
  /** A timer is pending (the simulator offers to fire it). */
  timerPending: z.boolean(),
  error: z.string().nullable(),
});
export type SimulateResponse = z.infer<typeof simulateResponse>;

import { z } from 'zod';

/** What Meta said about the number at the last successful check. */
export const phoneNumberFacts = z.object({
  displayPhoneNumber: z.string().nullable(),
  verifiedName: z.string().nullable(),
  /** `GREEN`, `YELLOW`, `RED` or `UNKNOWN`, as Meta spells it. */
  qualityRating: z.string().nullable(),
  /** Messages per second Meta allows the number (its throughput tier); null when Meta did not say. */
  throughput: z.number().int().nullable().default(null),
});
export type PhoneNumberFacts = z.infer<typeof phoneNumberFacts>;

/**
 * Whether the channel is known to work. `unchecked` until a connection test or a real send
 * proves it (saving a channel proves nothing); `error` after a refused test or when the sender
 * found its token rejected.
 */
export const channelConnection = z.object({
  status: z.enum(['unchecked', 'ok', 'error']),
  checkedAt: z.string().nullable(),
  /** Meta's message (or why Meta could not be reached) when `status` is `error`. */
  error: z.string().nullable(),
  number: phoneNumberFacts.nullable(),
});
export type ChannelConnection = z.infer<typeof channelConnection>;

/** `POST /api/channels/:id/test`: Meta's refusal is a result (`ok: false`), not an HTTP error. */
export const channelTestResult = z.object({
  ok: z.boolean(),
  number: phoneNumberFacts.nullable(),
  error: z.object({ code: z.number().int().nullable(), message: z.string() }).nullable(),
  checkedAt: z.string(),
});
export type ChannelTestResult = z.infer<typeof channelTestResult>;

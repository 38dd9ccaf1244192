import { z } from 'zod';
import type { InboundContent } from '../../runtime/events.ts';
import { audienceRecipient, campaignTemplate } from '../../shared/api/campaigns.ts';

/**
 * What the JSON columns the conversation loop reads hold, as schemas: a row is parsed, never
 * cast, so a row written by an older version or edited by hand fails here, named, instead of
 * deep inside the engine.
 */

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** `scheduled_jobs.payload` of a `flow_start` job (written by `run-campaigns.ts`). */
export const flowStartPayload = z.object({
  flowId: z.string(),
  variables: z.record(z.string(), scalar).default({}),
});
export type FlowStartPayload = z.infer<typeof flowStartPayload>;

/** `campaigns.template` and `campaigns.audience`, stored as the API took them (phones normalized). */
export const campaignTemplateColumn = campaignTemplate;
export const campaignAudienceColumn = z.array(audienceRecipient);
export type CampaignRecipientColumn = z.infer<typeof audienceRecipient>;

// Typed against the runtime's union, so the compiler says when the two drift apart.
const inboundContent: z.ZodType<InboundContent> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('reply'), id: z.string(), title: z.string() }),
  z.object({
    kind: z.literal('location'), latitude: z.number(), longitude: z.number(),
    name: z.string().optional(), address: z.string().optional(),
  }),
  z.object({
    kind: z.literal('media'), media: z.enum(['image', 'audio', 'video', 'document', 'sticker']),
    mediaId: z.string().optional(), url: z.string().optional(), caption: z.string().optional(), mimeType: z.string().optional(),
  }),
  z.object({ kind: z.literal('contacts'), contacts: z.array(z.object({ name: z.string(), phones: z.array(z.string()) })) }),
  z.object({
    kind: z.literal('order'),
    items: z.array(z.object({ productId: z.string(), quantity: z.number(), unitPrice: z.number() })),
  }),
  z.object({ kind: z.literal('reaction'), emoji: z.string(), messageId: z.string() }),
  z.object({ kind: z.literal('unsupported'), type: z.string() }),
]);

const unreadable: InboundContent = { kind: 'unsupported', type: 'unknown' };

/**
 * The content of an inbound `messages.payload` (written by `store-inbound.ts`). One the engine
 * cannot read is `unsupported` (the flow answers with its fallback message) rather than a
 * contact whose run fails again on every pass.
 */
export function inboundContentOf(payload: unknown): InboundContent {
  const parsed = z.object({ content: inboundContent }).safeParse(payload);
  return parsed.success ? parsed.data.content : unreadable;
}

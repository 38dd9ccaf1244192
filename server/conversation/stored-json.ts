import { z } from 'zod';
import { audienceRecipient, campaignTemplate } from '../../shared/api/campaigns.ts';
import { inboundContent, type InboundContent } from '../../shared/messages/inbound.ts';

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

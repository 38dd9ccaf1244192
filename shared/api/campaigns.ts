import { z } from 'zod';
import { normalizePhone } from '../phone.ts';

/** One line of a campaign's audience, as sent and as stored (`campaigns.audience`, phones already E.164). */
export const audienceRecipient = z.object({
  /**
   * The contact's WhatsApp number as people type it: "(84) 99123-0001", "84991230001",
   * "+55 84 99123-0001"; Brazil unless it starts with "+". Stored as E.164 digits.
   */
  phone: z.string().max(100),
  name: z.string().max(120).default(''),
  /** Values for the template's parameters and the flow (`{{valor}}`, `{{vencimento}}`…). */
  variables: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
});
/** One audience line as stored with the campaign (after defaults and phone normalisation). */
export type CampaignAudienceRecipient = z.output<typeof audienceRecipient>;

/**
 * A typed phone to E.164 digits, or why it cannot be read, naming its row (as people count
 * them, from 1) and what was typed, so a pasted list can be fixed line by line. Campaign
 * audiences and the contacts' CSV import read their phones through this one function.
 */
export function readRowPhone(typed: string, index: number): { phone: string } | { issue: string } {
  const phone = normalizePhone(typed);
  return phone === null
    ? {
        issue: `linha ${index + 1}: "${typed}" não é um telefone válido (DDD e número, ex.: (84) 99123-0001; de outro país, com + e DDI)`,
      }
    : { phone };
}

/** Every phone to E.164 digits; each one that cannot be read is an issue naming its row. */
function normalizeAudience<R extends { phone: string }>(rows: R[], ctx: z.RefinementCtx): R[] {
  return rows.map((row, i) => {
    const read = readRowPhone(row.phone, i);
    if ('issue' in read) ctx.addIssue({ code: 'custom', path: [i, 'phone'], message: read.issue });
    return { ...row, phone: 'phone' in read ? read.phone : row.phone };
  });
}

/** What to do with a contact in the middle of another flow when the campaign goes out. */
const contactsInFlow = z.enum(['skip', 'interrupt']);
export type ContactsInFlow = z.infer<typeof contactsInFlow>;

/** The template a campaign sends, as sent and as stored (`campaigns.template`). */
export const campaignTemplate = z.object({
  name: z.string().min(1).max(512),
  language: z.string().min(2).max(15).default('pt_BR'),
  parameters: z.array(z.string().max(1024)).default([]),
});

export const createCampaignRequest = z.object({
  name: z.string().trim().min(1).max(120),
  channelId: z.string().min(1),
  /** An approved template (Meta's name and language); parameters accept `{{variable}}`. */
  template: campaignTemplate,
  /** Optional: each recipient's conversation continues in this flow, with their variables. */
  flowId: z.string().nullable().default(null),
  audience: z
    .array(audienceRecipient)
    .min(1, 'adicione pelo menos um contato')
    .max(10_000)
    .transform(normalizeAudience),
  /** When to send; omitted sends now. */
  scheduledAt: z.iso.datetime({ offset: true }).nullable().default(null),
  /**
   * A contact in the middle of another flow when the campaign goes out: left alone (`skip`,
   * the default) or sent the template, with the campaign's flow (if any) taking over the
   * conversation (`interrupt`). Contacts in an open handoff are always skipped.
   */
  contactsInFlow: contactsInFlow.default('skip'),
});
export type CreateCampaignRequest = z.output<typeof createCampaignRequest>;
/** The template a campaign sends, as stored with it. */
export type CampaignTemplate = CreateCampaignRequest['template'];

/**
 * Where a recipient stands now (the furthest step reached): `queued` (not yet accepted by
 * Meta), `sent` (accepted), `delivered`, `read`, `replied` (wrote to us after the send); or
 * `failed` (Meta's code and reason in `error`), or `skipped` (`skipReason`, nothing was sent).
 */
export const recipientOutcomes = ['queued', 'sent', 'delivered', 'read', 'replied', 'failed', 'skipped'] as const;
export const recipientOutcome = z.enum(recipientOutcomes);
export type RecipientOutcome = z.infer<typeof recipientOutcome>;

/** Nothing more is expected for these: a campaign is over when all its recipients are here. */
export const settledOutcomes: readonly RecipientOutcome[] = ['delivered', 'read', 'replied', 'failed', 'skipped'];

/** Why a recipient got nothing: an agent has the conversation, another flow is running, or the number was listed twice. */
export const skipReason = z.enum(['in_handoff', 'in_flow', 'duplicate']);
export type SkipReason = z.infer<typeof skipReason>;

const count = z.number().int();
export const campaignTotals = z.object({
  queued: count,
  sent: count,
  delivered: count,
  read: count,
  replied: count,
  failed: count,
  skipped: count,
}) satisfies z.ZodType<Record<RecipientOutcome, number>>;
export type CampaignTotals = z.infer<typeof campaignTotals>;

/** A campaign's state as clients see it; the database stores only the first two (`done` and `failed` are read from its recipients). */
export const campaignStatuses = ['scheduled', 'running', 'done', 'failed'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];
/** What the campaigns table stores in `status`. */
export type StoredCampaignStatus = Extract<CampaignStatus, 'scheduled' | 'running'>;

export const campaign = z.object({
  id: z.string(),
  name: z.string(),
  channelId: z.string(),
  flowId: z.string().nullable(),
  templateName: z.string(),
  /**
   * `running` until every recipient is settled; then `failed` when sends failed and none
   * reached anyone, else `done` (`totals.failed` tells of partial failures).
   */
  status: z.enum(campaignStatuses),
  scheduledAt: z.string(),
  contactsInFlow,
  /** Lines in the audience. */
  recipients: z.number().int(),
  /** Template messages queued (recipients not skipped). */
  queued: z.number().int(),
  /** Recipients by outcome; all zero until the campaign runs. */
  totals: campaignTotals,
  createdAt: z.string(),
});
export type Campaign = z.infer<typeof campaign>;
export const campaignResponse = z.object({ campaign });
export const campaignsResponse = z.object({ campaigns: z.array(campaign) });

export const campaignRecipient = z.object({
  /** The audience line, from 1 as people count. */
  row: z.number().int(),
  phone: z.string(),
  name: z.string(),
  contactId: z.string(),
  outcome: recipientOutcome,
  skipReason: skipReason.nullable(),
  /** Meta's error code (or ours when the send never reached Meta) and reason, when `failed`. */
  error: z.object({ code: z.string().nullable(), reason: z.string() }).nullable(),
});
export type CampaignRecipient = z.infer<typeof campaignRecipient>;
export const campaignRecipientsQuery = z.object({
  outcome: recipientOutcome.optional(),
  /** Rows after this audience line (keyset paging). */
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export const campaignRecipientsResponse = z.object({ recipients: z.array(campaignRecipient) });

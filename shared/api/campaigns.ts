import { z } from 'zod';
import { normalizePhone } from '../phone.ts';
import { weekdays } from './settings.ts';

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

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'horário no formato HH:MM');

/**
 * When a campaign runs: once (at `scheduledAt`, or now), or again and again at `time` (HH:MM in
 * the business time zone of `/api/settings`) every day or on the chosen weekdays. Each run of a
 * recurring campaign is a campaign of its own (`parentId`) with the audience read at that moment.
 */
export const campaignSchedule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('once') }),
  z.object({ kind: z.literal('daily'), time: timeOfDay }),
  z.object({
    kind: z.literal('weekly'),
    time: timeOfDay,
    weekdays: z.array(z.enum(weekdays)).min(1, 'escolha pelo menos um dia da semana').max(7),
  }),
]);
export type CampaignSchedule = z.infer<typeof campaignSchedule>;
export type RecurringSchedule = Exclude<CampaignSchedule, { kind: 'once' }>;

/**
 * An audience read from the contacts of the campaign's number at each run: those with every
 * tag listed, each custom field equal to the value given, and (when set) no message from them
 * for at least `inactiveDays` days (contacts who never wrote count as inactive). Contacts who
 * opted out are never part of it.
 */
export const audienceFilter = z.object({
  tags: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  fields: z.record(z.string().min(1).max(60), z.string().max(500)).default({}),
  inactiveDays: z.number().int().min(1).max(3650).nullable().default(null),
});
export type AudienceFilter = z.output<typeof audienceFilter>;

export const createCampaignRequest = z
  .object({
    name: z.string().trim().min(1).max(120),
    channelId: z.string().min(1),
    /** An approved template (Meta's name and language); parameters accept `{{variable}}`. */
    template: campaignTemplate,
    /** Optional: each recipient's conversation continues in this flow, with their variables. */
    flowId: z.string().nullable().default(null),
    /** An explicit list (typed or from a CSV); or leave it out and give `audienceFilter`. */
    audience: z
      .array(audienceRecipient)
      .min(1, 'adicione pelo menos um contato')
      .max(10_000)
      .transform(normalizeAudience)
      .optional(),
    /** The audience read from the contacts at each run, instead of a list. */
    audienceFilter: audienceFilter.optional(),
    /** When to send a one-off campaign (`schedule.kind: once`); omitted sends now. */
    scheduledAt: z.iso.datetime({ offset: true }).nullable().default(null),
    schedule: campaignSchedule.default({ kind: 'once' }),
    /**
     * A contact in the middle of another flow when the campaign goes out: left alone (`skip`,
     * the default) or sent the template, with the campaign's flow (if any) taking over the
     * conversation (`interrupt`). Contacts in an open handoff are always skipped.
     */
    contactsInFlow: contactsInFlow.default('skip'),
  })
  .refine((b) => (b.audience === undefined) !== (b.audienceFilter === undefined), {
    message: 'dê a lista de contatos (audience) ou o filtro de contatos (audienceFilter), um dos dois',
    path: ['audience'],
  });
export type CreateCampaignRequest = z.output<typeof createCampaignRequest>;
/** The template a campaign sends, as stored with it. */
export type CampaignTemplate = CreateCampaignRequest['template'];

/**
 * Where a recipient stands now (the furthest step reached): `queued` (not yet accepted by
 * Meta), `sent` (accepted), `delivered`, `read`, `replied` (wrote to us after the send); or
 * `failed` (Meta's code and reason in `error`), or `skipped` (`skipReason`, nothing was sent).
 */
export const recipientOutcomes = [
  'queued',
  'sent',
  'delivered',
  'read',
  'replied',
  'failed',
  'skipped',
  'opted_out',
] as const;
export const recipientOutcome = z.enum(recipientOutcomes);
export type RecipientOutcome = z.infer<typeof recipientOutcome>;

/** Nothing more is expected for these: a campaign is over when all its recipients are here. */
export const settledOutcomes: readonly RecipientOutcome[] = [
  'delivered',
  'read',
  'replied',
  'failed',
  'skipped',
  'opted_out',
];

/**
 * Why a recipient got nothing: an agent has the conversation, another flow is running, the
 * number was listed twice, the contact opted out, or the campaign was cancelled before their turn.
 */
export const skipReason = z.enum(['in_handoff', 'in_flow', 'duplicate', 'opted_out', 'cancelled']);
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
  opted_out: count,
}) satisfies z.ZodType<Record<RecipientOutcome, number>>;
export type CampaignTotals = z.infer<typeof campaignTotals>;

/** A campaign's state as clients see it; `done` and `failed` are read from its recipients, the rest is stored. */
export const campaignStatuses = ['scheduled', 'running', 'paused', 'cancelled', 'done', 'failed'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];
/** What the campaigns table stores in `status`. */
export type StoredCampaignStatus = Extract<CampaignStatus, 'scheduled' | 'running' | 'paused' | 'cancelled'>;

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
  /** A one-off's send time; a recurring campaign's next run. */
  scheduledAt: z.string(),
  schedule: campaignSchedule,
  /** The filter a contacts audience is read with at each run; null for a list. */
  audienceFilter: audienceFilter.nullable(),
  /** The recurring campaign this is a run of; null for a campaign people created. */
  parentId: z.string().nullable(),
  template: campaignTemplate,
  contactsInFlow,
  /** Lines in the audience (a contacts audience: recipients of this run, 0 before it). */
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
export const campaignsQuery = z.object({
  /** The runs of this recurring campaign; without it, the campaigns people created. */
  parentId: z.string().max(100).optional(),
});

/**
 * `PATCH /api/campaigns/:id`: `runNow` starts a scheduled campaign at once; `paused` stops its sends (and a recurring campaign's runs) where
 * they are, `active` resumes, `cancelled` ends it for good: recipients still waiting are skipped.
 */
export const updateCampaignRequest = z
  .object({
    status: z.enum(['paused', 'active', 'cancelled']).optional(),
    /** A scheduled campaign runs now: a one-off goes out, a recurring one makes a run and keeps its schedule. */
    runNow: z.literal(true).optional(),
  })
  .refine((b) => b.status !== undefined || b.runNow !== undefined, 'envie status ou runNow');

/** `POST /api/campaigns/audience-csv`: a CSV read into an audience, with a report per row. */
export const audienceCsvRequest = z.object({ csv: z.string().min(1).max(5_000_000) });
export const audienceCsvResponse = z.object({
  /** The rows that can be sent, ready for `audience`. */
  audience: z.array(audienceRecipient),
  /** Column names other than the phone and name: the template's and the flow's variables. */
  columns: z.array(z.string()),
  /** One line per row that was left out, naming the row. */
  issues: z.array(z.object({ row: z.number().int(), message: z.string() })),
});

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
export const campaignRecipientsResponse = z.object({
  recipients: z.array(campaignRecipient),
  /** The `after` of the next page; null on the last one. */
  next: z.number().int().nullable(),
});

import { z } from 'zod';

const recipient = z.object({
  /** The contact's WhatsApp number with country code, digits only or formatted. */
  phone: z.string().transform((s) => s.replace(/\D/g, '')).pipe(z.string().regex(/^\d{10,15}$/, 'número com DDI e DDD, ex.: 5584991230001')),
  name: z.string().max(120).default(''),
  /** Values for the template's parameters and the flow (`{{valor}}`, `{{vencimento}}`…). */
  variables: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
});

export const createCampaignRequest = z.object({
  name: z.string().trim().min(1).max(120),
  channelId: z.string().min(1),
  /** An approved template (Meta's name and language); parameters accept `{{variable}}`. */
  template: z.object({
    name: z.string().min(1).max(512),
    language: z.string().min(2).max(15).default('pt_BR'),
    parameters: z.array(z.string().max(1024)).default([]),
  }),
  /** Optional: each recipient's conversation continues in this flow, with their variables. */
  flowId: z.string().nullable().default(null),
  audience: z.array(recipient).min(1, 'adicione pelo menos um contato').max(10_000),
  /** When to send; omitted sends now. */
  scheduledAt: z.iso.datetime({ offset: true }).nullable().default(null),
});

export const campaign = z.object({
  id: z.string(),
  name: z.string(),
  channelId: z.string(),
  flowId: z.string().nullable(),
  templateName: z.string(),
  status: z.enum(['scheduled', 'running', 'done']),
  scheduledAt: z.string(),
  recipients: z.number().int(),
  queued: z.number().int(),
  createdAt: z.string(),
});
export const campaignResponse = z.object({ campaign });
export const campaignsResponse = z.object({ campaigns: z.array(campaign) });

import { z } from 'zod';

/**
 * Meta's message templates of each channel's WhatsApp account (WABA), as synced from
 * `GET /{waba-id}/message_templates` and kept current by the template webhooks. The
 * components are Meta's own objects (HEADER, BODY, FOOTER, BUTTONS), stored as received.
 */
export const templateStatuses = [
  'APPROVED',
  'ARCHIVED',
  'DELETED',
  'DISABLED',
  'IN_APPEAL',
  'LIMIT_EXCEEDED',
  'PAUSED',
  'PENDING',
  'PENDING_DELETION',
  'REJECTED',
] as const;
export type TemplateStatus = (typeof templateStatuses)[number];

export const templateButtonView = z.object({
  /** Meta's button type: QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE... */
  type: z.string(),
  text: z.string(),
  url: z.string().optional(),
  phone_number: z.string().optional(),
});

export const templateComponentView = z.object({
  type: z.string(),
  format: z.string().optional(),
  text: z.string().optional(),
  buttons: z.array(templateButtonView).optional(),
});
export type TemplateComponentView = z.infer<typeof templateComponentView>;

export const messageTemplateView = z.object({
  id: z.string(),
  channelId: z.string(),
  channelName: z.string(),
  wabaId: z.string(),
  /** Meta's id of the template. */
  metaId: z.string(),
  name: z.string(),
  language: z.string(),
  category: z.string(),
  /** Any of Meta's statuses (`APPROVED`, `PENDING`, `PAUSED`...); only `APPROVED` can be sent. */
  status: z.string(),
  /** GREEN, YELLOW, RED or UNKNOWN; null before Meta rated it. */
  quality: z.string().nullable(),
  parameterFormat: z.enum(['POSITIONAL', 'NAMED']),
  components: z.array(templateComponentView),
  rejectedReason: z.string().nullable(),
  updatedAt: z.string(),
});
export type MessageTemplateView = z.infer<typeof messageTemplateView>;

export const messageTemplateCreated = z.object({ template: messageTemplateView });

export const messageTemplateList = z.object({ templates: z.array(messageTemplateView) });

export const messageTemplateQuery = z.object({
  channelId: z.string().optional(),
  status: z.string().optional(),
});

/** Only this channel; every channel with a WABA id when absent. */
export const syncTemplatesInput = z.object({ channelId: z.string().optional() });

export const syncTemplatesResult = z.object({
  channels: z.array(
    z.object({
      channelId: z.string(),
      /** Templates received from Meta; null when the sync failed. */
      synced: z.number().int().nullable(),
      /** Meta's error, or why the channel was skipped (no WABA id). */
      error: z.string().nullable(),
    }),
  ),
});
export type SyncTemplatesResult = z.infer<typeof syncTemplatesResult>;

import { z } from 'zod';

/** The Chatwoot bridge's settings as the API shows them: the token and secret are never returned. */
export const chatwootSettings = z.object({
  configured: z.boolean(),
  enabled: z.boolean(),
  url: z.string().nullable(),
  accountId: z.number().nullable(),
  /** The id of an inbox of type API in that account. */
  inboxId: z.number().nullable(),
  /** Only this channel's contacts are mirrored; null: every channel's. */
  channelId: z.string().nullable(),
  hasApiAccessToken: z.boolean(),
  hasWebhookSecret: z.boolean(),
  /** Paste into the API inbox's "Webhook URL" in Chatwoot. */
  webhookUrl: z.string().nullable(),
});
export type ChatwootSettings = z.infer<typeof chatwootSettings>;
export const chatwootSettingsResponse = z.object({ chatwoot: chatwootSettings });

/** Changes only the fields sent; the first save needs url, account, inbox and token. */
export const updateChatwootRequest = z.object({
  url: z
    .url({ protocol: /^https?$/, message: 'informe a URL http(s) do Chatwoot' })
    .max(500)
    .optional(),
  accountId: z.number().int().positive().optional(),
  inboxId: z.number().int().positive().optional(),
  /** A user (administrator) access token of that account; write-only. */
  apiAccessToken: z.string().trim().min(8).max(200).optional(),
  /** The API inbox's webhook secret (Chatwoot 4.13+), to check `X-Chatwoot-Signature`; null removes it. */
  webhookSecret: z.string().trim().min(8).max(200).nullable().optional(),
  channelId: z.string().min(1).max(100).nullable().optional(),
  enabled: z.boolean().optional(),
});

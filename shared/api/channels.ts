import { z } from 'zod';
import { channelConnection, channelTestResult } from './channel-checks.ts';
import { updateRequestOf } from './common.ts';

const phoneNumberId = z
  .string()
  .trim()
  .regex(/^\d{5,30}$/, 'o Phone number ID tem só dígitos');

export const createChannelRequest = z.object({
  name: z.string().trim().min(1).max(120),
  phoneNumberId,
  wabaId: z.string().trim().max(40).nullable().default(null),
  displayPhone: z.string().trim().max(30).nullable().default(null),
  accessToken: z.string().trim().min(10).max(1000),
  appSecret: z.string().trim().min(8).max(200),
  verifyToken: z.string().trim().min(8).max(200),
  flowId: z.string().nullable().default(null),
  /** The catalog its product pickers and agent offer when the block names none; null: the main catalog. */
  catalogId: z.string().min(1).max(100).nullable().default(null),
  markRead: z.boolean().default(true),
  /**
   * Messages per second this number may send (80 by default, 1,000 after Meta's upgrade); every send
   * (flows, agents, campaigns, reminders) is paced to it. Null: the tier Meta reports, else 80.
   */
  throughput: z.number().int().min(1).max(10_000).nullable().default(null),
  /** Meta's Payments API (Brazil) configuration name; null: payment blocks send the Pix code and its QR. */
  paymentConfiguration: z.string().trim().min(1).max(60).nullable().default(null),
});
/**
 * Only the fields sent change (`PATCH`, and `PUT` the same way): rotating `accessToken` alone keeps
 * the flow, the WABA id and the rest. Secrets are write-only: omit them to keep the stored ones.
 */
export const updateChannelRequest = updateRequestOf(createChannelRequest);

export const channel = z.object({
  id: z.string(),
  name: z.string(),
  phoneNumberId: z.string(),
  wabaId: z.string().nullable(),
  displayPhone: z.string().nullable(),
  verifyToken: z.string(),
  flowId: z.string().nullable(),
  catalogId: z.string().nullable(),
  markRead: z.boolean(),
  throughput: z.number().int().nullable(),
  /** The tier Meta reports for the number, read when it is tested and every few hours; null until read. */
  throughputTier: z.number().int().nullable(),
  throughputReadAt: z.string().nullable(),
  paymentConfiguration: z.string().nullable(),
  healthy: z.boolean(),
  healthError: z.string().nullable(),
  connection: channelConnection,
  /**
   * False when the stored token and app secret do not decrypt with this server's SECRET_KEY (it
   * changed): the number is skipped (its webhooks answer 503 so Meta delivers them again) until
   * both are sent again.
   */
  secretsReadable: z.boolean(),
  /** When Meta's webhook handshake last succeeded with this channel's verify token. */
  webhookVerifiedAt: z.string().nullable(),
  /** Where to point Meta's webhook for this server. */
  webhookUrl: z.string(),
  createdAt: z.string(),
});
export type Channel = z.infer<typeof channel>;
export const channelResponse = z.object({ channel });
export const channelsResponse = z.object({ channels: z.array(channel) });
export const channelTestResponse = channelTestResult.extend({ channel });

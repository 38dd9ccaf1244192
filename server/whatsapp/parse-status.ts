import { z } from 'zod';
import { omitUndefined } from './omit-undefined.ts';
import { describeIssue, type GraphErrorInfo, readErrors, stringish, unixSeconds } from './webhook-schema.ts';

/** `played` is new (2026, voice notes); unknown future values pass through as strings. */
export type StatusValue = 'sent' | 'delivered' | 'read' | 'failed' | 'played' | (string & {});

export interface ParsedStatus {
  wamid: string;
  status: StatusValue;
  timestamp: Date;
  /** Null when we sent to a business-scoped user id (see `recipientUserId`). */
  recipientId: string | null;
  recipientUserId?: string;
  errors: GraphErrorInfo[];
  /** Omitted by Meta from v24.0 except in free entry point windows. */
  conversation?: { id?: string; expiresAt?: Date; originType?: string };
  pricing?: { billable?: boolean; pricingModel?: string; type?: string; category?: string };
  /** Echo of what we set at send time. */
  bizOpaqueCallbackData?: string;
  raw: unknown;
}

const optionalString = z.string().optional().catch(undefined);

const statusSchema = z.object({
  id: z.string().min(1),
  status: z.string().min(1),
  timestamp: unixSeconds,
  recipient_id: stringish.optional().catch(undefined),
  recipient_user_id: optionalString,
  biz_opaque_callback_data: optionalString,
  conversation: z
    .object({
      id: optionalString,
      expiration_timestamp: unixSeconds.optional().catch(undefined),
      origin: z.object({ type: optionalString }).optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
  pricing: z
    .object({
      billable: z.boolean().optional().catch(undefined),
      pricing_model: optionalString,
      type: optionalString,
      category: optionalString,
    })
    .optional()
    .catch(undefined),
});

export type StatusResult = { status: ParsedStatus; warning?: undefined } | { status: null; warning: string };

export function parseStatus(raw: unknown): StatusResult {
  const parsed = statusSchema.safeParse(raw);
  if (!parsed.success) return { status: null, warning: `status skipped: ${describeIssue(parsed.error)}` };
  const s = parsed.data;
  return {
    status: omitUndefined<ParsedStatus>({
      wamid: s.id,
      status: s.status,
      timestamp: s.timestamp,
      recipientId: s.recipient_id ?? null,
      recipientUserId: s.recipient_user_id,
      errors: readErrors((raw as Record<string, unknown>).errors),
      conversation:
        s.conversation &&
        omitUndefined({
          id: s.conversation.id,
          expiresAt: s.conversation.expiration_timestamp,
          originType: s.conversation.origin?.type,
        }),
      pricing:
        s.pricing &&
        omitUndefined({
          billable: s.pricing.billable,
          pricingModel: s.pricing.pricing_model,
          type: s.pricing.type,
          category: s.pricing.category,
        }),
      bizOpaqueCallbackData: s.biz_opaque_callback_data,
      raw,
    }),
  };
}

import { z } from 'zod';
import type { IgnoredChange } from './parse-webhook.ts';
import { stringish } from './webhook-schema.ts';

/** A template's new status or quality, from Meta's WABA webhooks. */
export interface TemplateUpdate {
  wabaId: string;
  /** Meta's template id: a number in webhooks, a string in the list API. */
  metaId: string;
  status?: string;
  quality?: string;
  category?: string;
  rejectedReason?: string | null;
}

const statusValue = z.object({
  event: z.string(),
  message_template_id: stringish,
  reason: z.string().nullable().optional(),
  message_template_category: z.string().optional(),
});
const qualityValue = z.object({ new_quality_score: z.string(), message_template_id: stringish });

/**
 * Events that name the template's status afterwards. FLAGGED (at risk, still sendable), LOCKED and
 * UNARCHIVED say nothing sure about it: the next sync reads it.
 */
const statusAfter: Record<string, string> = {
  APPROVED: 'APPROVED',
  REINSTATED: 'APPROVED',
  ARCHIVED: 'ARCHIVED',
  DELETED: 'DELETED',
  DISABLED: 'DISABLED',
  IN_APPEAL: 'IN_APPEAL',
  LIMIT_EXCEEDED: 'LIMIT_EXCEEDED',
  PAUSED: 'PAUSED',
  PENDING: 'PENDING',
  PENDING_DELETION: 'PENDING_DELETION',
  REJECTED: 'REJECTED',
};

/**
 * `message_template_status_update` and `message_template_quality_update` changes (META-TEMPLATES.md
 * §4), read from the changes `parseWebhook` leaves aside; others and unreadable ones give nothing.
 */
export function readTemplateUpdates(changes: IgnoredChange[]): TemplateUpdate[] {
  return changes.flatMap((c): TemplateUpdate[] => {
    if (c.field === 'message_template_status_update') {
      const v = statusValue.safeParse(c.value);
      if (!v.success) return [];
      const status = statusAfter[v.data.event];
      if (!status) return [];
      return [
        {
          wabaId: c.wabaId,
          metaId: v.data.message_template_id,
          status,
          ...(v.data.message_template_category ? { category: v.data.message_template_category } : {}),
          ...(status === 'REJECTED' ? { rejectedReason: v.data.reason ?? null } : {}),
        },
      ];
    }
    if (c.field === 'message_template_quality_update') {
      const v = qualityValue.safeParse(c.value);
      return v.success
        ? [{ wabaId: c.wabaId, metaId: v.data.message_template_id, quality: v.data.new_quality_score }]
        : [];
    }
    return [];
  });
}

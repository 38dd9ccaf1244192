import {
  audienceFilter,
  campaignSchedule,
  campaignTemplate,
  settledOutcomes,
  type Campaign,
  type CampaignRecipient,
  type CampaignStatus,
  type CampaignTotals,
} from '../../shared/api/campaigns.ts';
import type { Row } from '../db/tables.ts';
import { emptyTotals, type RecipientRow } from '../db/queries/campaign-recipients.ts';
import { sendFailure } from '../conversation/send-failure.ts';

/**
 * What a campaign's state is, from its recipients: queuing its sends is not finishing it.
 * Over once each recipient is settled; `failed` when sends failed and none reached anyone.
 * Scheduled, paused and cancelled are what was stored.
 */
export function campaignStatus(stored: Row<'campaigns'>['status'], totals: CampaignTotals): CampaignStatus {
  if (stored !== 'running') return stored;
  const all = Object.values(totals).reduce((a, b) => a + b, 0);
  const settled = settledOutcomes.reduce((n, o) => n + totals[o], 0);
  if (settled < all) return 'running';
  const reached = totals.delivered + totals.read + totals.replied;
  return totals.failed > 0 && reached === 0 ? 'failed' : 'done';
}

export function campaignView(r: Row<'campaigns'>, totals: CampaignTotals = emptyTotals()): Campaign {
  return {
    id: r.id,
    name: r.name,
    channelId: r.channel_id,
    flowId: r.flow_id,
    templateName: String((r.template as { name?: string }).name ?? ''),
    template: campaignTemplate.parse(r.template),
    status: campaignStatus(r.status, totals),
    scheduledAt: new Date(r.scheduled_at).toISOString(),
    schedule: r.schedule === null ? { kind: 'once' } : campaignSchedule.parse(r.schedule),
    audienceFilter: r.audience_filter === null ? null : audienceFilter.parse(r.audience_filter),
    parentId: r.parent_id,
    contactsInFlow: r.contacts_in_flow,
    recipients: (r.audience as unknown[]).length,
    queued: r.queued,
    totals,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export function recipientView(r: RecipientRow): CampaignRecipient {
  return {
    row: r.position + 1,
    phone: r.phone,
    name: r.name,
    contactId: r.contact_id,
    outcome: r.outcome,
    skipReason: r.skip_reason,
    error: r.outcome === 'failed' ? sendFailure(r.error) : null,
  };
}

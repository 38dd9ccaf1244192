import { sql } from 'kysely';
import type { CampaignTotals, RecipientOutcome, SkipReason } from '../../../shared/api/campaigns.ts';
import type { Executor } from '../database.ts';

/**
 * A recipient's outcome, read from its template message (none yet: `queued`, waiting its wave), whose status Meta's webhooks move on
 * (and the sender sets to `failed` when Graph refuses it): one fact, kept in one place.
 * A message from the contact after the send makes it `replied`, unless the send failed (then
 * the contact wrote about something else); opting out after it makes it `opted_out`. Uses `messages_contact_time_idx`.
 */
const outcomeSql = sql<RecipientOutcome>`case
  when r.skip_reason is not null then 'skipped'
  when m.status = 'failed' then 'failed'
  when c.opted_out_at is not null and c.opted_out_at > m.created_at then 'opted_out'
  when exists (
    select 1 from messages i where i.contact_id = r.contact_id and i.direction = 'in' and i.created_at > m.created_at
  ) then 'replied'
  when m.status in ('read', 'played') then 'read'
  when m.status = 'delivered' then 'delivered'
  when m.status in ('accepted', 'sent') then 'sent'
  else 'queued'
end`;

export interface RecipientRow {
  position: number;
  phone: string;
  name: string;
  contact_id: string;
  skip_reason: SkipReason | null;
  outcome: RecipientOutcome;
  error: unknown;
}

/** A page of a campaign's recipients in audience order, optionally only those with one outcome. */
export async function listRecipients(
  db: Executor,
  campaignId: string,
  page: {
    outcome?: RecipientOutcome | undefined;
    after: number;
    limit: number;
  },
): Promise<RecipientRow[]> {
  const result = await sql<RecipientRow>`
    select * from (
      select r.position, r.phone, r.name, r.contact_id, r.skip_reason, m.error, ${outcomeSql} as outcome
      from campaign_recipients r left join messages m on m.id = r.message_id join contacts c on c.id = r.contact_id
      where r.campaign_id = ${campaignId} and r.position >= ${page.after}
    ) x
    where ${page.outcome === undefined ? sql`true` : sql`x.outcome = ${page.outcome}`}
    order by x.position
    limit ${page.limit}
  `.execute(db);
  return result.rows;
}

export const emptyTotals = (): CampaignTotals => ({
  queued: 0,
  sent: 0,
  delivered: 0,
  read: 0,
  replied: 0,
  failed: 0,
  skipped: 0,
  opted_out: 0,
});

/** Each campaign's recipients counted by outcome; campaigns without any are absent. */
export async function countOutcomes(db: Executor, campaignIds: string[]): Promise<Map<string, CampaignTotals>> {
  const totals = new Map<string, CampaignTotals>();
  if (campaignIds.length === 0) return totals;
  const result = await sql<{ campaign_id: string; outcome: RecipientOutcome; n: number }>`
    select x.campaign_id, x.outcome, count(*)::int as n from (
      select r.campaign_id, ${outcomeSql} as outcome
      from campaign_recipients r left join messages m on m.id = r.message_id join contacts c on c.id = r.contact_id
      where r.campaign_id = any(${campaignIds}::text[])
    ) x group by x.campaign_id, x.outcome
  `.execute(db);
  for (const row of result.rows) {
    const t = totals.get(row.campaign_id) ?? emptyTotals();
    t[row.outcome] = row.n;
    totals.set(row.campaign_id, t);
  }
  return totals;
}

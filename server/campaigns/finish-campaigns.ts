import { settledOutcomes } from '../../shared/api/campaigns.ts';
import type { Db } from '../db/database.ts';
import { countOutcomes } from '../db/queries/campaign-recipients.ts';
import { emitEvent } from '../event-webhooks/emit-event.ts';
import { campaignStatus } from '../routes/campaign-views.ts';

/**
 * Marks the campaigns (one-offs, and each run of a recurring one) whose every recipient is
 * settled (delivered, read, replied, failed, skipped or opted out) as finished, and emits
 * `campaign.finished` with their totals in the same transaction. The mark is taken only while
 * unset, so however many instances look at once, each campaign finishes exactly once. A
 * cancelled campaign that had started finishes too, once its queued sends are settled.
 * Answers how many finished.
 */
export async function finishSettledCampaigns(db: Db, now: Date): Promise<number> {
  const candidates = await db
    .selectFrom('campaigns as c')
    .selectAll('c')
    .where('c.finished_at', 'is', null)
    // A recurring campaign itself never finishes: its runs do.
    .where('c.schedule', 'is', null)
    .where('c.status', 'in', ['running', 'cancelled'])
    .where(({ exists, not, selectFrom }) =>
      not(
        exists(
          selectFrom('campaign_recipients as r')
            .select('r.position')
            .whereRef('r.campaign_id', '=', 'c.id')
            .where('r.message_id', 'is', null)
            .where('r.skip_reason', 'is', null),
        ),
      ),
    )
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('campaign_recipients as r').select('r.position').whereRef('r.campaign_id', '=', 'c.id')),
    )
    .execute();
  if (candidates.length === 0) return 0;
  const totals = await countOutcomes(
    db,
    candidates.map((c) => c.id),
  );
  let finished = 0;
  for (const campaign of candidates) {
    const counted = totals.get(campaign.id);
    if (!counted) continue;
    const all = Object.values(counted).reduce((a, b) => a + b, 0);
    if (settledOutcomes.reduce((n, o) => n + counted[o], 0) < all) continue;
    const done = await db.transaction().execute(async (tx) => {
      const marked = await tx
        .updateTable('campaigns')
        .set({ finished_at: now })
        .where('id', '=', campaign.id)
        .where('finished_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!marked) return false;
      await emitEvent(
        tx,
        {
          type: 'campaign.finished',
          contactId: null,
          data: {
            campaignId: campaign.id,
            name: campaign.name,
            parentId: campaign.parent_id,
            status: campaignStatus(campaign.status, counted),
            recipients: all,
            totals: counted,
            finishedAt: now.toISOString(),
          },
        },
        now,
      );
      return true;
    });
    if (done) finished += 1;
  }
  return finished;
}

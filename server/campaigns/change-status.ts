import { campaignSchedule } from '../../shared/api/campaigns.ts';
import type { Tx } from '../db/database.ts';
import type { CampaignRow } from '../db/queries/campaigns.ts';
import { nextRunAfter } from './next-run.ts';

/**
 * Pauses, resumes or cancels a campaign, and with a recurring one its runs still sending.
 * Paused: no wave goes out (and no run starts) until resumed; messages already handed to the
 * sender still go. Resumed: back to where it was (`running` once it started, else `scheduled`;
 * a recurring campaign whose next run passed while paused moves to the next one to come).
 * Cancelled: for good; recipients still waiting are skipped (`cancelled`). A cancelled campaign
 * stays cancelled. Undefined when there is no such campaign.
 */
export async function changeCampaignStatus(
  tx: Tx,
  id: string,
  to: 'paused' | 'active' | 'cancelled',
  now: Date,
  zone: string,
): Promise<CampaignRow | undefined> {
  const row = await tx.selectFrom('campaigns').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) return undefined;
  if (row.status === 'cancelled') return row;
  const runs = await tx
    .selectFrom('campaigns')
    .selectAll()
    .where('parent_id', '=', id)
    .where('status', 'in', ['running', 'paused', 'scheduled'])
    .execute();
  for (const c of [row, ...runs]) await changeOne(tx, c, to, now, zone);
  return tx.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function changeOne(
  tx: Tx,
  row: CampaignRow,
  to: 'paused' | 'active' | 'cancelled',
  now: Date,
  zone: string,
): Promise<void> {
  if (to === 'paused') {
    await tx.updateTable('campaigns').set({ status: 'paused' }).where('id', '=', row.id).execute();
    return;
  }
  if (to === 'cancelled') {
    await tx.updateTable('campaigns').set({ status: 'cancelled' }).where('id', '=', row.id).execute();
    await tx
      .updateTable('campaign_recipients')
      .set({ skip_reason: 'cancelled' })
      .where('campaign_id', '=', row.id)
      .where('message_id', 'is', null)
      .where('skip_reason', 'is', null)
      .execute();
    return;
  }
  if (row.status !== 'paused') return;
  const started = await tx
    .selectFrom('campaign_recipients')
    .select('position')
    .where('campaign_id', '=', row.id)
    .limit(1)
    .executeTakeFirst();
  const schedule = row.schedule === null ? null : campaignSchedule.parse(row.schedule);
  const scheduledAt =
    schedule && schedule.kind !== 'once' && new Date(row.scheduled_at) < now
      ? nextRunAfter(schedule, now, zone)
      : row.scheduled_at;
  await tx
    .updateTable('campaigns')
    .set({ status: started ? 'running' : 'scheduled', scheduled_at: scheduledAt })
    .where('id', '=', row.id)
    .execute();
}

/**
 * A scheduled campaign (one-off or recurring) is due now: the campaigns loop starts it on its
 * next pass (a recurring one makes a run and moves on to its next time). False when it is not
 * waiting for its time (running, paused, cancelled).
 */
export async function runCampaignNow(tx: Tx, id: string, now: Date): Promise<boolean> {
  const row = await tx
    .updateTable('campaigns')
    .set({ scheduled_at: now })
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

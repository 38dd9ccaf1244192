import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { audienceFilter, campaignSchedule, type CampaignAudienceRecipient } from '../../shared/api/campaigns.ts';
import type { Tx } from '../db/database.ts';
import { campaignAudienceColumn } from '../conversation/stored-json.ts';
import { nextRunAfter } from './next-run.ts';
import { readFilteredAudience } from './read-audience.ts';

/**
 * A recurring campaign that is due gets a run: a campaign of its own (`parent_id`), due now,
 * with the audience read at this moment (the filter's contacts, or the parent's list); the
 * parent moves on to its next run. Claimed with `skip locked`, so one instance starts it once.
 * Missed runs (the server was down, the campaign paused) are not made up: one run, then the next.
 */
export async function startDueRecurring(tx: Tx, now: Date, zone: string): Promise<number> {
  const due = await tx
    .selectFrom('campaigns')
    .selectAll()
    .where('status', '=', 'scheduled')
    .where('schedule', 'is not', null)
    .where('scheduled_at', '<=', now)
    .orderBy('scheduled_at')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  if (!due) return 0;
  const schedule = campaignSchedule.parse(due.schedule);
  const next = schedule.kind === 'once' ? null : nextRunAfter(schedule, now, zone);
  await tx
    .insertInto('campaigns')
    .values({
      id: randomUUID(),
      name: due.name,
      channel_id: due.channel_id,
      flow_id: due.flow_id,
      template: JSON.stringify(due.template),
      audience: JSON.stringify(due.audience),
      audience_filter: due.audience_filter === null ? null : JSON.stringify(due.audience_filter),
      schedule: null,
      parent_id: due.id,
      status: 'scheduled',
      scheduled_at: due.scheduled_at,
      contacts_in_flow: due.contacts_in_flow,
      created_by: due.created_by,
    })
    .execute();
  await tx
    .updateTable('campaigns')
    .set(next ? { scheduled_at: next } : { status: 'cancelled' })
    .where('id', '=', due.id)
    .execute();
  return 1;
}

/**
 * A one-off campaign (or a run) that is due starts: its audience is read (a filter's contacts
 * now), a contact found or created for each line, and a recipient row written per line,
 * waiting for its wave (send-wave.ts) unless the number was listed twice or has opted out.
 */
export async function startDueOnce(tx: Tx, now: Date): Promise<string | null> {
  const due = await tx
    .updateTable('campaigns')
    .set({ status: 'running' })
    .where('id', '=', (eb) =>
      eb
        .selectFrom('campaigns')
        .select('id')
        .where('status', '=', 'scheduled')
        .where('schedule', 'is', null)
        .where('scheduled_at', '<=', now)
        .orderBy('scheduled_at')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .executeTakeFirst();
  if (!due) return null;
  let audience: CampaignAudienceRecipient[];
  if (due.audience_filter !== null) {
    audience = await readFilteredAudience(tx, due.channel_id, audienceFilter.parse(due.audience_filter), now);
    await tx
      .updateTable('campaigns')
      .set({ audience: JSON.stringify(audience) })
      .where('id', '=', due.id)
      .execute();
  } else {
    audience = campaignAudienceColumn.parse(due.audience);
  }
  const seen = new Set<string>();
  for (const [position, r] of audience.entries()) {
    const contact = await upsertContact(tx, due.channel_id, r, now);
    const skip = seen.has(contact.id) ? 'duplicate' : contact.opted_out ? 'opted_out' : null;
    seen.add(contact.id);
    await tx
      .insertInto('campaign_recipients')
      .values({
        campaign_id: due.id,
        position,
        contact_id: contact.id,
        phone: r.phone,
        name: r.name,
        message_id: null,
        skip_reason: skip,
        variables: JSON.stringify(r.variables),
        created_at: now,
      })
      .execute();
  }
  return due.id;
}

async function upsertContact(
  tx: Tx,
  channelId: string,
  r: CampaignAudienceRecipient,
  now: Date,
): Promise<{ id: string; opted_out: boolean }> {
  const contact = await sql<{ id: string; opted_out: boolean }>`
    insert into contacts (id, channel_id, wa_id, name, variables, updated_at)
    values (${randomUUID()}, ${channelId}, ${r.phone}, ${r.name}, ${JSON.stringify(r.variables)}::jsonb, ${now})
    on conflict (channel_id, wa_id) where wa_id is not null
    do update set name = case when contacts.name = '' then excluded.name else contacts.name end, updated_at = excluded.updated_at
    returning id, opted_out_at is not null as opted_out
  `.execute(tx);
  const row = contact.rows[0];
  if (!row) throw new Error('contact upsert returned no row');
  return row;
}

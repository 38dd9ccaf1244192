import { sql } from 'kysely';
import type { AudienceFilter, CampaignAudienceRecipient } from '../../shared/api/campaigns.ts';
import type { Executor } from '../db/database.ts';

/** Recipients of one run, at most: a bigger audience is a list uploaded in parts. */
export const maxFilteredAudience = 100_000;

/**
 * The contacts of a number a filtered campaign reaches right now: every tag, each field equal,
 * silent for `inactiveDays` (never wrote counts as silent), never those who opted out. Their
 * custom fields are the run's columns, so `{{cidade}}` in a parameter reads the contact's field.
 */
export async function readFilteredAudience(
  db: Executor,
  channelId: string,
  filter: AudienceFilter,
  now: Date,
): Promise<CampaignAudienceRecipient[]> {
  let q = db
    .selectFrom('contacts')
    .select(['wa_id', 'name', 'fields'])
    .where('channel_id', '=', channelId)
    .where('wa_id', 'is not', null)
    .where('opted_out_at', 'is', null);
  if (filter.tags.length) q = q.where(sql<boolean>`tags @> ${sql.val(filter.tags)}::text[]`);
  for (const [name, value] of Object.entries(filter.fields)) {
    q = q.where(sql<boolean>`fields ->> ${name} = ${value}`);
  }
  if (filter.inactiveDays !== null) {
    const since = new Date(now.getTime() - filter.inactiveDays * 86_400_000);
    q = q.where((eb) => eb.or([eb('last_inbound_at', 'is', null), eb('last_inbound_at', '<=', since)]));
  }
  const rows = await q.orderBy('created_at').orderBy('id').limit(maxFilteredAudience).execute();
  return rows.map((r) => ({
    phone: r.wa_id ?? '',
    name: r.name,
    variables: Object.fromEntries(
      Object.entries(r.fields as Record<string, unknown>).map(([k, v]) => [k, v === null ? null : String(v)]),
    ),
  }));
}

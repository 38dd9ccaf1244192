import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { SkipReason } from '../../shared/api/campaigns.ts';
import { renderTemplate } from '../../shared/template/render.ts';
import type { Db, Tx } from '../db/database.ts';
import { queueFlowStart } from '../db/queries/scheduled-jobs.ts';
import type { Row } from '../db/tables.ts';
import { queueOutbound } from './queue-outbound.ts';
import { campaignAudienceColumn, campaignTemplateColumn, type CampaignRecipientColumn } from './stored-json.ts';

/**
 * Sends due campaigns. A campaign is claimed and queued in one transaction (contacts,
 * template messages in the outbox, flow starts as jobs, a recipient row per audience line),
 * so a crash either queued all of it or none of it, and it is never queued twice. The
 * campaign stays `running`: it is over when its recipients are (see `campaign-views.ts`).
 */
export async function runDueCampaigns(db: Db, now: Date): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const due = await tx
      .updateTable('campaigns')
      .set({ status: 'running' })
      .where('id', '=', (eb) =>
        eb
          .selectFrom('campaigns')
          .select('id')
          .where('status', '=', 'scheduled')
          .where('scheduled_at', '<=', now)
          .orderBy('scheduled_at')
          .limit(1)
          .forUpdate()
          .skipLocked(),
      )
      .returningAll()
      .executeTakeFirst();
    if (!due) return 0;
    const template = campaignTemplateColumn.parse(due.template);
    const audience = campaignAudienceColumn.parse(due.audience);
    const contacts: { id: string; user_id: string | null }[] = [];
    for (const r of audience) contacts.push(await upsertContact(tx, due.channel_id, r, now));
    const busy = await busyContacts(
      tx,
      contacts.map((c) => c.id),
    );

    let queued = 0;
    const seen = new Set<string>();
    for (const [position, r] of audience.entries()) {
      const contact = contacts[position];
      if (!contact) continue;
      const skip = skipReason(contact.id, seen, busy, due);
      seen.add(contact.id);
      const recipient = {
        campaign_id: due.id,
        position,
        contact_id: contact.id,
        phone: r.phone,
        name: r.name,
        created_at: now,
      };
      if (skip) {
        await tx
          .insertInto('campaign_recipients')
          .values({ ...recipient, message_id: null, skip_reason: skip })
          .execute();
        continue;
      }
      const vars = { ...r.variables, contact: { name: r.name, phone: r.phone } };
      const message = {
        kind: 'template' as const,
        name: template.name,
        language: template.language,
        parameters: template.parameters.map((p) => renderTemplate(p, vars)),
      };
      const [messageId] = await queueOutbound(tx, {
        contact: { id: contact.id, channel_id: due.channel_id, wa_id: r.phone, user_id: contact.user_id },
        message,
        authorKind: 'campaign',
        authorId: due.id,
        now,
      });
      await tx
        .insertInto('campaign_recipients')
        .values({ ...recipient, message_id: messageId ?? null, skip_reason: null })
        .execute();
      if (due.flow_id) {
        await queueFlowStart(
          tx,
          {
            key: `campaign:${due.id}:${contact.id}`,
            contactId: contact.id,
            start: { flowId: due.flow_id, variables: r.variables },
          },
          now,
        );
      }
      queued += 1;
    }
    await tx.updateTable('campaigns').set({ queued }).where('id', '=', due.id).execute();
    return 1;
  });
}

async function upsertContact(
  tx: Tx,
  channelId: string,
  r: CampaignRecipientColumn,
  now: Date,
): Promise<{ id: string; user_id: string | null }> {
  const contact = await sql<{ id: string; user_id: string | null }>`
    insert into contacts (id, channel_id, wa_id, name, variables, updated_at)
    values (${randomUUID()}, ${channelId}, ${r.phone}, ${r.name}, ${JSON.stringify(r.variables)}::jsonb, ${now})
    on conflict (channel_id, wa_id) where wa_id is not null
    do update set name = case when contacts.name = '' then excluded.name else contacts.name end, updated_at = excluded.updated_at
    returning id, user_id
  `.execute(tx);
  const row = contact.rows[0];
  if (!row) throw new Error('contact upsert returned no row');
  return row;
}

/**
 * Contacts an agent is talking to (an open or claimed handoff), and contacts in the middle of
 * a flow (a live session), at the moment the campaign goes out.
 */
async function busyContacts(tx: Tx, contactIds: string[]): Promise<{ inHandoff: Set<string>; inFlow: Set<string> }> {
  if (contactIds.length === 0) return { inHandoff: new Set(), inFlow: new Set() };
  const handoffs = await sql<{ contact_id: string }>`
    select contact_id from handoffs where contact_id = any(${contactIds}::text[]) and status <> 'resolved'
  `.execute(tx);
  const sessions = await sql<{ contact_id: string; status: 'active' | 'handoff' }>`
    select contact_id, status from conversation_sessions where contact_id = any(${contactIds}::text[]) and status <> 'ended'
  `.execute(tx);
  // A session whose handoff was just resolved is the agent's until the flow takes it back.
  const inHandoff = new Set(
    [...handoffs.rows, ...sessions.rows.filter((r) => r.status === 'handoff')].map((r) => r.contact_id),
  );
  return { inHandoff, inFlow: new Set(sessions.rows.map((r) => r.contact_id)) };
}

/**
 * Why a recipient gets nothing. An agent's conversation is never taken over: the template would
 * land in the middle of it and the campaign's flow would silently move the contact away. A
 * contact in another flow is left alone unless the campaign says to interrupt.
 */
function skipReason(
  contactId: string,
  seen: Set<string>,
  busy: { inHandoff: Set<string>; inFlow: Set<string> },
  campaign: Row<'campaigns'>,
): SkipReason | null {
  if (seen.has(contactId)) return 'duplicate';
  if (busy.inHandoff.has(contactId)) return 'in_handoff';
  if (busy.inFlow.has(contactId) && campaign.contacts_in_flow === 'skip') return 'in_flow';
  return null;
}

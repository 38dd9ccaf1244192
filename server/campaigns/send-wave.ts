import { sql } from 'kysely';
import { campaignTemplate, type SkipReason } from '../../shared/api/campaigns.ts';
import { renderTemplate } from '../../shared/template/render.ts';
import type { Tx } from '../db/database.ts';
import { queueFlowStart } from '../db/queries/scheduled-jobs.ts';
import { campaignOpeningVariable } from '../../runtime/context.ts';
import type { Row } from '../db/tables.ts';
import { throughputOf } from '../channels/channel-directory.ts';
import { queueOutbound } from '../conversation/queue-outbound.ts';

/** Meta's pair rate: one message every 6 s to the same person (META-WHATSAPP.md §7). */
export const pairIntervalMs = 6_000;
/** A campaign's waves are a second apart: the sender drains about one second of its number's sends meanwhile. */
export const waveIntervalMs = 1_000;

/**
 * Queues the next wave of one running campaign. The sender paces every send of a number to its
 * throughput (one limiter for flows, agents, campaigns and reminders, shared across instances),
 * so a wave only keeps about one second of sends waiting for the number: its throughput less
 * the number's sends still unsent, whichever campaign or flow queued them. Two campaigns on one
 * number thus share its throughput, and a flow's replies never wait behind a whole campaign.
 * The channel row is locked meanwhile, so instances count that backlog one after the other.
 *
 * Recipients go in audience order, each checked at this moment (opted out, with an agent, in
 * another flow). A contact who got a message less than 6 s ago waits for a later wave (Meta's
 * pair rate). One transaction: the template, its flow start and the recipient's row together.
 * Answers how many were queued or skipped, or null when no campaign had a wave due.
 */
export async function sendWave(tx: Tx, now: Date): Promise<{ campaignId: string; settled: number } | null> {
  const campaign = await tx
    .selectFrom('campaigns')
    .selectAll()
    .where('status', '=', 'running')
    .where((eb) =>
      eb.or([eb('last_wave_at', 'is', null), eb('last_wave_at', '<=', new Date(now.getTime() - waveIntervalMs))]),
    )
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('campaign_recipients as r')
          .select('r.position')
          .whereRef('r.campaign_id', '=', 'campaigns.id')
          .where('r.message_id', 'is', null)
          .where('r.skip_reason', 'is', null),
      ),
    )
    .orderBy('scheduled_at')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  if (!campaign) return null;
  const channel = await tx
    .selectFrom('channels')
    .select(['throughput', 'graph_throughput'])
    .where('id', '=', campaign.channel_id)
    .forUpdate()
    .executeTakeFirst();
  const budget = (channel ? throughputOf(channel) : 0) - (await unsentOf(tx, campaign.channel_id));
  if (budget <= 0) {
    await tx.updateTable('campaigns').set({ last_wave_at: now }).where('id', '=', campaign.id).execute();
    return { campaignId: campaign.id, settled: 0 };
  }
  const waiting = await tx
    .selectFrom('campaign_recipients as r')
    .innerJoin('contacts as c', 'c.id', 'r.contact_id')
    .select(['r.position', 'r.contact_id', 'r.phone', 'r.name', 'r.variables', 'c.user_id', 'c.opted_out_at'])
    .where('r.campaign_id', '=', campaign.id)
    .where('r.message_id', 'is', null)
    .where('r.skip_reason', 'is', null)
    .orderBy('r.position')
    .limit(budget)
    .execute();
  const ids = waiting.map((w) => w.contact_id);
  const busy = await busyContacts(tx, ids);
  const recent = await recentlyMessaged(tx, ids, now);
  const template = campaignTemplate.parse(campaign.template);

  let settled = 0;
  let queued = 0;
  for (const w of waiting) {
    const skip = skipReason(w.contact_id, w.opted_out_at !== null, busy, campaign);
    const key = { campaign_id: campaign.id, position: w.position };
    if (skip) {
      await setRecipient(tx, key, { skip_reason: skip });
      settled += 1;
      continue;
    }
    if (recent.has(w.contact_id)) continue;
    const variables = w.variables as Record<string, string | number | boolean | null>;
    const vars = { ...variables, contact: { name: w.name, phone: w.phone } };
    const [messageId] = await queueOutbound(tx, {
      contact: { id: w.contact_id, channel_id: campaign.channel_id, wa_id: w.phone, user_id: w.user_id },
      message: {
        kind: 'template',
        name: template.name,
        language: template.language,
        parameters: template.parameters.map((p) => renderTemplate(p, vars)),
      },
      authorKind: 'campaign',
      authorId: campaign.id,
      now,
    });
    await setRecipient(tx, key, { message_id: messageId ?? null });
    // Two recipients of one wave on the same contact are duplicates (skipped when the run started).
    recent.add(w.contact_id);
    if (campaign.flow_id) {
      await queueFlowStart(
        tx,
        {
          key: `campaign:${campaign.id}:${w.contact_id}`,
          contactId: w.contact_id,
          // The flow's own opening block with this template then waits for the reply instead of sending it again.
          start: { flowId: campaign.flow_id, variables: { ...variables, [campaignOpeningVariable]: template.name } },
        },
        now,
      );
    }
    queued += 1;
    settled += 1;
  }
  await tx
    .updateTable('campaigns')
    .set((eb) => ({ last_wave_at: now, queued: eb('queued', '+', queued) }))
    .where('id', '=', campaign.id)
    .execute();
  return { campaignId: campaign.id, settled };
}

/** The number's messages not yet handed to Meta (a flow's, an agent's, any campaign's). */
async function unsentOf(tx: Tx, channelId: string): Promise<number> {
  const row = await tx
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('channel_id', '=', channelId)
    .where('kind', '=', 'message')
    .where('status', 'in', ['pending', 'sending'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function setRecipient(
  tx: Tx,
  key: { campaign_id: string; position: number },
  values: { skip_reason: SkipReason } | { message_id: string | null },
): Promise<void> {
  await tx
    .updateTable('campaign_recipients')
    .set(values)
    .where('campaign_id', '=', key.campaign_id)
    .where('position', '=', key.position)
    .execute();
}

/** Contacts sent anything (a campaign, a flow's reply, an agent's) within the pair interval. */
async function recentlyMessaged(tx: Tx, contactIds: string[], now: Date): Promise<Set<string>> {
  if (contactIds.length === 0) return new Set();
  const rows = await sql<{ contact_id: string }>`
    select distinct contact_id from messages
    where contact_id = any(${contactIds}::text[]) and direction = 'out'
      and created_at > ${new Date(now.getTime() - pairIntervalMs)}
  `.execute(tx);
  return new Set(rows.rows.map((r) => r.contact_id));
}

/**
 * Contacts an agent is talking to (an open or claimed handoff), and contacts in the middle of
 * a flow (a live session), at the moment the wave goes out.
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
 * Why a recipient gets nothing. Opted out: never. An agent's conversation is never taken over:
 * the template would land in the middle of it and the campaign's flow would silently move the
 * contact away. A contact in another flow is left alone unless the campaign says to interrupt.
 */
function skipReason(
  contactId: string,
  optedOut: boolean,
  busy: { inHandoff: Set<string>; inFlow: Set<string> },
  campaign: Row<'campaigns'>,
): SkipReason | null {
  if (optedOut) return 'opted_out';
  if (busy.inHandoff.has(contactId)) return 'in_handoff';
  if (busy.inFlow.has(contactId) && campaign.contacts_in_flow === 'skip') return 'in_flow';
  return null;
}

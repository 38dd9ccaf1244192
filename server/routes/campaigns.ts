import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import {
  campaignRecipientsQuery, campaignRecipientsResponse, campaignResponse, campaignsResponse, createCampaignRequest,
} from '../../shared/api/campaigns.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { countOutcomes, listRecipients } from '../db/queries/campaign-recipients.ts';
import { requireRole } from '../http/auth.ts';
import { AppError } from '../http/errors.ts';
import { createRouter, json, jsonBody } from '../http/router.ts';
import { campaignView, recipientView } from './campaign-views.ts';

export const campaignRoutes = createRouter();
campaignRoutes.use('*', requireRole('admin'));
const tags = ['campaigns'];
const idParam = z.object({ id: z.string().min(1).max(100) });
const campaignNotFound = () => new AppError(404, 'not_found', 'Campanha não encontrada.');

campaignRoutes.openapi(
  createRoute({ method: 'get', path: '/', tags, responses: { 200: json(campaignsResponse, 'Newest first') } }),
  async (c) => {
    const { db } = c.var.deps;
    const rows = await db.selectFrom('campaigns').selectAll().orderBy('created_at', 'desc').limit(200).execute();
    const totals = await countOutcomes(db, rows.map((r) => r.id));
    return c.json({ campaigns: rows.map((r) => campaignView(r, totals.get(r.id))) }, 200);
  },
);

campaignRoutes.openapi(
  createRoute({
    method: 'post', path: '/', tags, request: { body: jsonBody(createCampaignRequest) },
    responses: { 201: json(campaignResponse, 'Scheduled (or queued now)') },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const b = c.req.valid('json');
    const channel = await db.selectFrom('channels').select('id').where('id', '=', b.channelId).executeTakeFirst();
    if (!channel) throw new AppError(400, 'unknown_channel', 'O canal escolhido não existe.');
    if (b.flowId) {
      const flow = await db.selectFrom('flows').select('published_version').where('id', '=', b.flowId).executeTakeFirst();
      if (!flow) throw new AppError(400, 'unknown_flow', 'O fluxo escolhido não existe.');
      if (flow.published_version === null) throw new AppError(400, 'flow_not_published', 'Publique o fluxo antes de usá-lo numa campanha.');
    }
    const row = await db.transaction().execute(async (tx) => {
      const created = await tx.insertInto('campaigns').values({
        id: randomUUID(), name: b.name, channel_id: b.channelId, flow_id: b.flowId, template: JSON.stringify(b.template),
        audience: JSON.stringify(b.audience), status: 'scheduled', scheduled_at: b.scheduledAt ?? clock.now(),
        contacts_in_flow: b.contactsInFlow, created_by: c.var.actor.userId,
      }).returningAll().executeTakeFirstOrThrow();
      await recordAudit(tx, c.var.actor, 'campaign.create', { type: 'campaign', id: created.id }, { recipients: b.audience.length });
      return created;
    });
    c.var.deps.messaging?.wakeCampaigns();
    return c.json({ campaign: campaignView(row) }, 201);
  },
);

campaignRoutes.openapi(
  createRoute({
    method: 'get', path: '/{id}', tags, request: { params: idParam },
    responses: { 200: json(campaignResponse, 'The campaign with its totals by recipient outcome') },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const { id } = c.req.valid('param');
    const row = await db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw campaignNotFound();
    const totals = await countOutcomes(db, [row.id]);
    return c.json({ campaign: campaignView(row, totals.get(row.id)) }, 200);
  },
);

campaignRoutes.openapi(
  createRoute({
    method: 'get', path: '/{id}/recipients', tags, request: { params: idParam, query: campaignRecipientsQuery },
    responses: { 200: json(campaignRecipientsResponse, 'Each recipient in audience order with its outcome; empty until the campaign runs') },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const { id } = c.req.valid('param');
    const campaign = await db.selectFrom('campaigns').select('id').where('id', '=', id).executeTakeFirst();
    if (!campaign) throw campaignNotFound();
    const rows = await listRecipients(db, campaign.id, c.req.valid('query'));
    return c.json({ recipients: rows.map(recipientView) }, 200);
  },
);

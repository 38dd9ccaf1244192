import { createRoute, z } from '@hono/zod-openapi';
import {
  campaignRecipientsQuery,
  campaignRecipientsResponse,
  campaignResponse,
  campaignsResponse,
  createCampaignRequest,
} from '../../shared/api/campaigns.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { countOutcomes, listRecipients } from '../db/queries/campaign-recipients.ts';
import { campaignExists, findCampaign, insertCampaign, listCampaigns } from '../db/queries/campaigns.ts';
import { channelExists } from '../db/queries/channels.ts';
import { publishedVersionNumber } from '../db/queries/flows.ts';
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
    const rows = await listCampaigns(db, 200);
    const totals = await countOutcomes(
      db,
      rows.map((r) => r.id),
    );
    return c.json({ campaigns: rows.map((r) => campaignView(r, totals.get(r.id))) }, 200);
  },
);

campaignRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags,
    request: { body: jsonBody(createCampaignRequest) },
    responses: { 201: json(campaignResponse, 'Scheduled (or queued now)') },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const b = c.req.valid('json');
    if (!(await channelExists(db, b.channelId)))
      throw new AppError(400, 'unknown_channel', 'O canal escolhido não existe.');
    if (b.flowId) {
      const published = await publishedVersionNumber(db, b.flowId);
      if (!published) throw new AppError(400, 'unknown_flow', 'O fluxo escolhido não existe.');
      if (published.version === null)
        throw new AppError(400, 'flow_not_published', 'Publique o fluxo antes de usá-lo numa campanha.');
    }
    const row = await db.transaction().execute(async (tx) => {
      const created = await insertCampaign(tx, {
        name: b.name,
        channel_id: b.channelId,
        flow_id: b.flowId,
        template: JSON.stringify(b.template),
        audience: JSON.stringify(b.audience),
        status: 'scheduled',
        scheduled_at: b.scheduledAt ?? clock.now(),
        contacts_in_flow: b.contactsInFlow,
        created_by: c.var.actor.userId,
      });
      await recordAudit(
        tx,
        c.var.actor,
        'campaign.create',
        { type: 'campaign', id: created.id },
        { recipients: b.audience.length },
      );
      return created;
    });
    c.var.deps.messaging?.wakeCampaigns();
    return c.json({ campaign: campaignView(row) }, 201);
  },
);

campaignRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags,
    request: { params: idParam },
    responses: { 200: json(campaignResponse, 'The campaign with its totals by recipient outcome') },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const { id } = c.req.valid('param');
    const row = await findCampaign(db, id);
    if (!row) throw campaignNotFound();
    const totals = await countOutcomes(db, [row.id]);
    return c.json({ campaign: campaignView(row, totals.get(row.id)) }, 200);
  },
);

campaignRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/recipients',
    tags,
    request: { params: idParam, query: campaignRecipientsQuery },
    responses: {
      200: json(
        campaignRecipientsResponse,
        'Each recipient in audience order with its outcome; empty until the campaign runs',
      ),
    },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const { id } = c.req.valid('param');
    if (!(await campaignExists(db, id))) throw campaignNotFound();
    const rows = await listRecipients(db, id, c.req.valid('query'));
    return c.json({ recipients: rows.map(recipientView) }, 200);
  },
);

import { randomUUID } from 'node:crypto';
import { createRoute } from '@hono/zod-openapi';
import { campaignResponse, campaignsResponse, createCampaignRequest } from '../../shared/api/campaigns.ts';
import { recordAudit } from '../db/queries/audit.ts';
import type { Row } from '../db/tables.ts';
import { requireRole } from '../http/auth.ts';
import { AppError } from '../http/errors.ts';
import { createRouter, json, jsonBody } from '../http/router.ts';

export const campaignRoutes = createRouter();
campaignRoutes.use('*', requireRole('admin'));
const tags = ['campaigns'];

const view = (r: Row<'campaigns'>) => ({
  id: r.id, name: r.name, channelId: r.channel_id, flowId: r.flow_id, templateName: String((r.template as { name?: string }).name ?? ''),
  status: r.status, scheduledAt: new Date(r.scheduled_at).toISOString(), recipients: (r.audience as unknown[]).length,
  queued: r.queued, createdAt: new Date(r.created_at).toISOString(),
});

campaignRoutes.openapi(
  createRoute({ method: 'get', path: '/', tags, responses: { 200: json(campaignsResponse, 'Newest first') } }),
  async (c) => {
    const rows = await c.var.deps.db.selectFrom('campaigns').selectAll().orderBy('created_at', 'desc').limit(200).execute();
    return c.json({ campaigns: rows.map(view) }, 200);
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
        audience: JSON.stringify(b.audience), status: 'scheduled', scheduled_at: b.scheduledAt ?? clock.now(), created_by: c.var.actor.userId,
      }).returningAll().executeTakeFirstOrThrow();
      await recordAudit(tx, c.var.actor, 'campaign.create', { type: 'campaign', id: created.id }, { recipients: b.audience.length });
      return created;
    });
    c.var.deps.messaging?.wakeCampaigns();
    return c.json({ campaign: view(row) }, 201);
  },
);

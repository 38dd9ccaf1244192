import { createRoute, z } from '@hono/zod-openapi';
import {
  audienceCsvRequest,
  audienceCsvResponse,
  campaignRecipientsQuery,
  campaignRecipientsResponse,
  campaignResponse,
  campaignsQuery,
  campaignsResponse,
  createCampaignRequest,
  updateCampaignRequest,
} from '../../shared/api/campaigns.ts';
import { nextRunAfter } from '../campaigns/next-run.ts';
import { readAudienceCsv } from '../campaigns/read-audience-csv.ts';
import { recipientsCsv } from '../campaigns/recipients-csv.ts';
import { changeCampaignStatus, runCampaignNow } from '../campaigns/change-status.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { countOutcomes, listRecipients } from '../db/queries/campaign-recipients.ts';
import { campaignExists, findCampaign, insertCampaign, listCampaigns } from '../db/queries/campaigns.ts';
import { loadSettings } from '../settings/load-settings.ts';
import { channelExists } from '../db/queries/channels.ts';
import { publishedVersionNumber } from '../db/queries/flows.ts';
import { requireRole } from '../http/auth.ts';
import { AppError } from '../http/errors.ts';
import { createRouter, json, jsonBody, updateRoute } from '../http/router.ts';
import { campaignView, recipientView } from './campaign-views.ts';

export const campaignRoutes = createRouter();
campaignRoutes.use('*', requireRole('admin'));
const tags = ['campaigns'];
const idParam = z.object({ id: z.string().min(1).max(100) });
const campaignNotFound = () => new AppError(404, 'not_found', 'Campanha não encontrada.');

campaignRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags,
    request: { query: campaignsQuery },
    responses: { 200: json(campaignsResponse, 'Newest first: the campaigns people created, or the runs of one') },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const rows = await listCampaigns(db, 200, c.req.valid('query').parentId ?? null);
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
    const now = clock.now();
    // A recurring campaign's `scheduled_at` is its next run, in the business time zone.
    const scheduledAt =
      b.schedule.kind === 'once'
        ? (b.scheduledAt ?? now)
        : nextRunAfter(b.schedule, now, (await loadSettings(db)).timeZone);
    const row = await db.transaction().execute(async (tx) => {
      const created = await insertCampaign(tx, {
        name: b.name,
        channel_id: b.channelId,
        flow_id: b.flowId,
        template: JSON.stringify(b.template),
        audience: JSON.stringify(b.audience ?? []),
        audience_filter: b.audienceFilter ? JSON.stringify(b.audienceFilter) : null,
        schedule: b.schedule.kind === 'once' ? null : JSON.stringify(b.schedule),
        status: 'scheduled',
        scheduled_at: scheduledAt,
        contacts_in_flow: b.contactsInFlow,
        created_by: c.var.actor.userId,
      });
      await recordAudit(
        tx,
        c.var.actor,
        'campaign.create',
        { type: 'campaign', id: created.id },
        { recipients: b.audience?.length ?? null, audienceFilter: b.audienceFilter ?? null, schedule: b.schedule },
      );
      return created;
    });
    c.var.deps.messaging?.wakeCampaigns();
    return c.json({ campaign: campaignView(row) }, 201);
  },
);

// Registered before `/{id}`, which would otherwise take "audience-csv" for an id.
campaignRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/audience-csv',
    tags,
    request: { body: jsonBody(audienceCsvRequest) },
    responses: {
      200: json(audienceCsvResponse, 'The rows that can be sent, their columns, and a line per row left out'),
    },
  }),
  (c) => c.json(readAudienceCsv(c.req.valid('json').csv), 200),
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
        'A page of recipients in audience order with their outcomes (optionally one outcome only), and the `after` ' +
          'of the next page (null on the last); empty until the campaign runs',
      ),
    },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const { id } = c.req.valid('param');
    if (!(await campaignExists(db, id))) throw campaignNotFound();
    const page = c.req.valid('query');
    // One more than asked: whether another page follows, without counting them all.
    const rows = await listRecipients(db, id, { ...page, limit: page.limit + 1 });
    const shown = rows.slice(0, page.limit);
    const next = rows.length > page.limit ? shown[shown.length - 1]!.position + 1 : null;
    return c.json({ recipients: shown.map(recipientView), next }, 200);
  },
);

updateRoute(
  campaignRoutes,
  {
    path: '/{id}',
    tags,
    request: { params: idParam, body: jsonBody(updateCampaignRequest) },
    responses: {
      200: json(campaignResponse, 'Run now, paused, resumed (`active`) or cancelled; PUT the same as PATCH'),
    },
  },
  async (c) => {
    const { db, clock } = c.var.deps;
    const { id } = c.req.valid('param');
    const { status, runNow } = c.req.valid('json');
    const zone = (await loadSettings(db)).timeZone;
    const row = await db.transaction().execute(async (tx) => {
      if (runNow) {
        if (!(await campaignExists(tx, id))) return undefined;
        if (!(await runCampaignNow(tx, id, clock.now())))
          throw new AppError(409, 'not_scheduled', 'Só uma campanha agendada pode ser executada agora.');
        await recordAudit(tx, c.var.actor, 'campaign.run_now', { type: 'campaign', id });
        if (!status) return findCampaign(tx, id);
      }
      if (!status) return undefined;
      const changed = await changeCampaignStatus(tx, id, status, clock.now(), zone);
      if (!changed) return undefined;
      await recordAudit(
        tx,
        c.var.actor,
        `campaign.${status === 'active' ? 'resume' : status === 'paused' ? 'pause' : 'cancel'}`,
        {
          type: 'campaign',
          id,
        },
      );
      return changed;
    });
    if (!row) throw campaignNotFound();
    c.var.deps.messaging?.wakeCampaigns();
    c.var.deps.events?.publish({ type: 'campaign.progress', campaignId: id });
    const totals = await countOutcomes(db, [row.id]);
    return c.json({ campaign: campaignView(row, totals.get(row.id)) }, 200);
  },
);

campaignRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/recipients.csv',
    tags,
    request: { params: idParam },
    responses: {
      200: {
        content: { 'text/csv': { schema: z.string() } },
        description: 'Every recipient with its outcome, skip reason and Meta error (audited as an export)',
      },
    },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const { id } = c.req.valid('param');
    if (!(await campaignExists(db, id))) throw campaignNotFound();
    const rows = await listRecipients(db, id, { after: 0, limit: 1_000_000 });
    await recordAudit(db, c.var.actor, 'campaign.export', { type: 'campaign', id }, { recipients: rows.length });
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="campanha-${id}.csv"`);
    return c.body(recipientsCsv(rows.map(recipientView)), 200);
  },
);

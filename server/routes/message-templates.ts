import { createRoute } from '@hono/zod-openapi';
import {
  messageTemplateList,
  messageTemplateQuery,
  syncTemplatesInput,
  syncTemplatesResult,
  type MessageTemplateView,
} from '../../shared/api/message-templates.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { listMessageTemplates, type MessageTemplateRow } from '../db/queries/message-templates.ts';
import { requireRole } from '../http/auth.ts';
import { createRouter, json, jsonBody } from '../http/router.ts';
import { syncTemplates } from '../templates/sync-templates.ts';

/** A sync waits on Meta for each page: a slow answer must not hold the request forever. */
const syncTimeoutMs = 15_000;

/** Meta's message templates (Modelos): editors pick them in message blocks. */
export const messageTemplateRoutes = createRouter();
messageTemplateRoutes.use('*', requireRole('editor'));
const tags = ['message-templates'];

messageTemplateRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags,
    request: { query: messageTemplateQuery },
    responses: { 200: json(messageTemplateList, "The channels' templates as last synced, by name") },
  }),
  async (c) => {
    const rows = await listMessageTemplates(c.var.deps.db, c.req.valid('query'));
    return c.json({ templates: rows.map(templateView) }, 200);
  },
);

messageTemplateRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/sync',
    tags,
    request: { body: jsonBody(syncTemplatesInput) },
    responses: {
      200: json(
        syncTemplatesResult,
        'Synced from `GET /{waba-id}/message_templates` (all pages). A channel Meta refused is reported with its error and keeps its catalogue.',
      ),
    },
  }),
  async (c) => {
    const { db, secrets, clock, config } = c.var.deps;
    const { channelId } = c.req.valid('json');
    const result = await syncTemplates(
      {
        db,
        graph: { ...config.graph, timeoutMs: syncTimeoutMs },
        openSecret: (sealed) => secrets.open(sealed),
        now: () => clock.now(),
      },
      channelId,
    );
    await recordAudit(
      db,
      c.var.actor,
      'message_templates.sync',
      { type: 'channel', id: channelId ?? null },
      {
        channels: result.channels,
      },
    );
    return c.json(result, 200);
  },
);

function templateView(r: MessageTemplateRow): MessageTemplateView {
  return {
    id: r.id,
    channelId: r.channel_id,
    channelName: r.channel_name,
    wabaId: r.waba_id,
    metaId: r.meta_id,
    name: r.name,
    language: r.language,
    category: r.category,
    status: r.status,
    quality: r.quality,
    parameterFormat: r.parameter_format === 'NAMED' ? 'NAMED' : 'POSITIONAL',
    // Stored as Meta sent them; the view keeps the parts it knows.
    components: Array.isArray(r.components) ? (r.components as MessageTemplateView['components']) : [],
    rejectedReason: r.rejected_reason,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

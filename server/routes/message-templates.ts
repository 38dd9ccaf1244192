import { createRoute } from '@hono/zod-openapi';
import {
  messageTemplateCreated,
  messageTemplateList,
  messageTemplateQuery,
  syncTemplatesInput,
  syncTemplatesResult,
  type MessageTemplateView,
} from '../../shared/api/message-templates.ts';
import { draftProblems, parameterFormatOf, templateDraft } from '../../shared/message-templates/draft.ts';
import { recordAudit } from '../db/queries/audit.ts';
import {
  insertSubmittedTemplate,
  listMessageTemplates,
  type MessageTemplateRow,
} from '../db/queries/message-templates.ts';
import { AppError, notFound } from '../http/errors.ts';
import { requireRole } from '../http/auth.ts';
import { createRouter, json, jsonBody } from '../http/router.ts';
import { createTemplateAtMeta } from '../templates/create-template.ts';
import { syncTemplates } from '../templates/sync-templates.ts';
import { templateCreateBody } from '../whatsapp/template-create-body.ts';

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

messageTemplateRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags,
    request: { body: jsonBody(templateDraft) },
    responses: {
      201: json(
        messageTemplateCreated,
        "Submitted with `POST /{waba-id}/message_templates`; stored as Meta answered (PENDING) until the status webhook. A draft Meta would refuse is a 400 `invalid_template` listing its problems; Meta's own refusal is a 400 `meta_refused` with its code and `error_user_msg`.",
      ),
    },
  }),
  async (c) => {
    const { db, secrets, clock, config } = c.var.deps;
    const draft = c.req.valid('json');
    const problems = draftProblems(draft);
    if (problems.length > 0)
      throw new AppError(400, 'invalid_template', problems.map((p) => p.message).join(' '), { problems });
    const channel = await db
      .selectFrom('channels')
      .select(['id', 'waba_id', 'access_token_enc'])
      .where('id', '=', draft.channelId)
      .executeTakeFirst();
    if (!channel) throw notFound('Canal');
    if (!channel.waba_id)
      throw new AppError(400, 'no_waba', 'O canal não tem o ID da conta do WhatsApp (WABA): preencha-o em Canais.');
    const body = templateCreateBody(draft);
    const answer = await createTemplateAtMeta(
      { ...config.graph, timeoutMs: syncTimeoutMs },
      channel.waba_id,
      secrets.open(channel.access_token_enc),
      body,
    );
    if (!answer.ok) {
      // Meta's words for people first (error_user_msg), then its technical message.
      if ('unreachable' in answer)
        throw new AppError(502, 'meta_unreachable', 'Não foi possível falar com a Graph API. Tente de novo.');
      const r = answer.refusal;
      const text = [r.userTitle, r.userMessage ?? r.message].filter(Boolean).join(': ');
      throw new AppError(400, 'meta_refused', `A Meta recusou o modelo${r.code ? ` (${r.code})` : ''}: ${text}`, r);
    }
    const format = parameterFormatOf(draft);
    const id = await insertSubmittedTemplate(
      db,
      {
        channelId: channel.id,
        wabaId: channel.waba_id,
        metaId: answer.id,
        name: draft.name,
        language: draft.language,
        category: answer.category ?? draft.category,
        status: answer.status,
        parameterFormat: format,
        components: body.components as unknown[],
      },
      clock.now(),
    );
    await recordAudit(
      db,
      c.var.actor,
      'message_templates.create',
      { type: 'message_template', id },
      { channelId: channel.id, name: draft.name, language: draft.language, metaId: answer.id },
    );
    const rows = await listMessageTemplates(db, { channelId: channel.id });
    const row = rows.find((r) => r.id === id);
    if (!row) throw notFound('Modelo');
    return c.json({ template: templateView(row) }, 201);
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

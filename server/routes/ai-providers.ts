import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  aiProviderResponse,
  aiProviderTestResponse,
  createAiProviderRequest,
  updateAiProviderRequest,
} from '../../shared/api/settings.ts';
import type { AppEnv } from '../context.ts';
import { llmSourceOf } from '../conversation/llm-source.ts';
import { openAiCompatibleModel } from '../conversation/llm-model.ts';
import {
  aiProviderNameTaken,
  clearDefaultAiProvider,
  deleteAiProvider,
  findAiProvider,
  insertAiProvider,
  listAiProviders,
  updateAiProvider,
} from '../db/queries/ai-providers.ts';
import { recordAudit } from '../db/queries/audit.ts';
import type { RowUpdate } from '../db/tables.ts';
import { requireRole } from '../http/auth.ts';
import { AppError, notFound } from '../http/errors.ts';
import { createRouter, json, jsonBody, updateRoute } from '../http/router.ts';
import { aiProviderView } from '../settings/ai-provider-view.ts';
import { testAiProvider } from '../settings/test-ai-provider.ts';
import { changeAudited } from './audited-change.ts';

/**
 * Mounted under /api/settings: the OpenAI-compatible providers LLM blocks use (the default one,
 * for now; named per block later). Their base URLs do NOT go through the SSRF guard of HTTP
 * blocks: a provider is set by an admin, not by a flow or a contact, and is often local (Ollama
 * at http://localhost:11434/v1, a vLLM on the private network), which that guard exists to refuse.
 */
export const aiProviderRoutes = createRouter();
aiProviderRoutes.use('*', requireRole('admin'));
const tags = ['settings'];
const idParam = z.object({ id: z.string().min(1).max(100) });

async function assertNameFree(c: Context<AppEnv>, name: string, exceptId?: string) {
  if (await aiProviderNameTaken(c.var.deps.db, name, exceptId)) {
    throw new AppError(409, 'name_taken', 'Já existe um provedor com esse nome.');
  }
}

aiProviderRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/ai-providers',
    tags,
    request: { body: jsonBody(createAiProviderRequest) },
    responses: { 201: json(aiProviderResponse, 'Added; the first provider becomes the default') },
  }),
  async (c) => {
    const { db, secrets } = c.var.deps;
    const body = c.req.valid('json');
    await assertNameFree(c, body.name);
    const row = await db.transaction().execute(async (tx) => {
      // The first provider is the default even if not asked: otherwise adding one would change nothing.
      const isDefault = body.isDefault || (await listAiProviders(tx)).length === 0;
      if (isDefault) await clearDefaultAiProvider(tx);
      const created = await insertAiProvider(tx, {
        name: body.name,
        base_url: body.baseUrl,
        model: body.model,
        is_default: isDefault,
        vision: body.vision,
        transcription_model: body.transcriptionModel,
        api_key_enc: body.apiKey === null ? null : secrets.seal(body.apiKey),
      });
      await recordAudit(
        tx,
        c.var.actor,
        'ai_provider.create',
        { type: 'ai_provider', id: created.id },
        {
          name: created.name,
          baseUrl: created.base_url,
          model: created.model,
          isDefault,
          hasKey: body.apiKey !== null,
        },
      );
      return created;
    });
    llmSourceOf(c.var.deps).invalidate();
    return c.json({ provider: aiProviderView(row) }, 201);
  },
);

updateRoute(
  aiProviderRoutes,
  {
    path: '/ai-providers/{id}',
    tags,
    request: { params: idParam, body: jsonBody(updateAiProviderRequest) },
    responses: {
      200: json(aiProviderResponse, 'Updated: only the fields sent change; `apiKey` left out keeps the stored key'),
    },
  },
  async (c) => {
    const { secrets, clock } = c.var.deps;
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    if (body.name !== undefined) await assertNameFree(c, body.name, id);
    const changes: RowUpdate<'ai_providers'> = { updated_at: clock.now() };
    if (body.name !== undefined) changes.name = body.name;
    if (body.baseUrl !== undefined) changes.base_url = body.baseUrl;
    if (body.model !== undefined) changes.model = body.model;
    if (body.isDefault !== undefined) changes.is_default = body.isDefault;
    if (body.vision !== undefined) changes.vision = body.vision;
    if (body.transcriptionModel !== undefined) changes.transcription_model = body.transcriptionModel;
    if (body.apiKey !== undefined) changes.api_key_enc = body.apiKey === null ? null : secrets.seal(body.apiKey);
    const row = await changeAudited(c, {
      resource: 'Provedor de IA',
      action: 'ai_provider.update',
      target: { type: 'ai_provider', id },
      // The field names only: a key must not be copied into the audit log.
      details: { fields: Object.keys(body) },
      change: async (tx) => {
        if (body.isDefault === true) await clearDefaultAiProvider(tx);
        return updateAiProvider(tx, id, changes);
      },
    });
    llmSourceOf(c.var.deps).invalidate();
    return c.json({ provider: aiProviderView(row) }, 200);
  },
);

aiProviderRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/ai-providers/{id}',
    tags,
    request: { params: idParam },
    responses: {
      204: { description: 'Removed; if it was the default, the oldest remaining provider becomes the default' },
    },
  }),
  async (c) => {
    const { clock } = c.var.deps;
    const { id } = c.req.valid('param');
    await changeAudited(c, {
      resource: 'Provedor de IA',
      action: 'ai_provider.delete',
      target: { type: 'ai_provider', id },
      change: async (tx) => {
        const removed = await deleteAiProvider(tx, id);
        // LLM blocks that worked keep working with another provider, rather than all failing at once.
        const [next] = removed?.is_default ? await listAiProviders(tx) : [];
        if (next) await updateAiProvider(tx, next.id, { is_default: true, updated_at: clock.now() });
        return removed;
      },
    });
    llmSourceOf(c.var.deps).invalidate();
    return c.body(null, 204);
  },
);

aiProviderRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/ai-providers/{id}/test',
    tags,
    request: { params: idParam },
    responses: {
      200: json(
        aiProviderTestResponse,
        '"Testar": a one-token call to the provider with the stored key. A refusal or no answer ' +
          "is a result (`ok: false` with the provider's status and message), not an error of this API.",
      ),
    },
  }),
  async (c) => {
    const { db, secrets } = c.var.deps;
    const { id } = c.req.valid('param');
    const row = await findAiProvider(db, id);
    if (!row) throw notFound('Provedor de IA');
    const result = await testAiProvider(
      openAiCompatibleModel({
        baseUrl: row.base_url,
        apiKey: row.api_key_enc ? secrets.open(row.api_key_enc) : undefined,
        model: row.model,
      }),
    );
    await recordAudit(
      db,
      c.var.actor,
      'ai_provider.test',
      { type: 'ai_provider', id },
      {
        ok: result.ok,
        ...(result.error && { status: result.error.status }),
      },
    );
    return c.json(result, 200);
  },
);

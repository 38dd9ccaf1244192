import { createRoute } from '@hono/zod-openapi';
import { aiProviderChoicesResponse } from '../../shared/api/settings.ts';
import { listAiProviders } from '../db/queries/ai-providers.ts';
import { requireRole } from '../http/auth.ts';
import { createRouter, json } from '../http/router.ts';

/**
 * The named AI providers as the agent block's inspector offers them: names and models for the
 * people who build flows (Configurações itself, with addresses and keys, stays for admins).
 */
export const aiProviderChoiceRoutes = createRouter();
aiProviderChoiceRoutes.use('*', requireRole('editor'));

aiProviderChoiceRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['flows'],
    responses: { 200: json(aiProviderChoicesResponse, 'Provider names and models, the default first') },
  }),
  async (c) => {
    const { db, config } = c.var.deps;
    const rows = await listAiProviders(db);
    const providers = rows
      .map((r) => ({ name: r.name, model: r.model, isDefault: r.is_default }))
      .sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
    return c.json({ providers, environmentModel: config.ai?.model ?? null }, 200);
  },
);

import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { settingsResponse, updateSettingsRequest, type Settings } from '../../shared/api/settings.ts';
import type { AppEnv } from '../context.ts';
import { listAiProviders } from '../db/queries/ai-providers.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { writeSettingRows } from '../db/queries/settings.ts';
import { requireRole } from '../http/auth.ts';
import { createRouter, json, jsonBody, updateRoute } from '../http/router.ts';
import { aiProviderView } from '../settings/ai-provider-view.ts';
import { loadSettings } from '../settings/load-settings.ts';

/** Configurações: time zone, business hours, retention, language and the AI providers (admins only). */
export const settingsRoutes = createRouter();
settingsRoutes.use('*', requireRole('admin'));
const tags = ['settings'];

async function settingsView(c: Context<AppEnv>): Promise<Settings> {
  const { db, config } = c.var.deps;
  const [values, providers] = await Promise.all([loadSettings(db), listAiProviders(db)]);
  return {
    ...values,
    aiProviders: providers.map(aiProviderView),
    environmentAiProvider: config.ai ? { baseUrl: config.ai.baseUrl, model: config.ai.model } : null,
  };
}

settingsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags,
    responses: {
      200: json(settingsResponse, 'The settings, with defaults for what was never set; AI keys are write-only'),
    },
  }),
  async (c) => c.json({ settings: await settingsView(c) }, 200),
);

updateRoute(
  settingsRoutes,
  {
    path: '/',
    tags,
    request: { body: jsonBody(updateSettingsRequest) },
    responses: { 200: json(settingsResponse, 'Updated: only the fields sent change (PUT the same as PATCH)') },
  },
  async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    await db.transaction().execute(async (tx) => {
      await writeSettingRows(tx, body, clock.now());
      await recordAudit(tx, c.var.actor, 'settings.update', { type: 'settings', id: null }, { changes: body });
    });
    return c.json({ settings: await settingsView(c) }, 200);
  },
);

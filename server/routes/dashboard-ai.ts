import { createRoute } from '@hono/zod-openapi';
import { aiUsageResponse } from '../../shared/api/ai-runs.ts';
import { apiError } from '../../shared/api/common.ts';
import { dashboardQuery } from '../../shared/api/dashboard.ts';
import { channelExists } from '../db/queries/channels.ts';
import { aiUsage } from '../db/queries/ai-runs.ts';
import { maxPeriodDays, resolvePeriod } from '../dashboard/period.ts';
import { loadSettings } from '../settings/load-settings.ts';
import { requireRole } from '../http/auth.ts';
import { AppError, notFound } from '../http/errors.ts';
import { createRouter, json } from '../http/router.ts';

/** The dashboard's AI figure: agent turns, tokens and estimated cost in the same period and channel. */
export const dashboardAiRoutes = createRouter();
dashboardAiRoutes.use('*', requireRole('editor'));

dashboardAiRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/ai',
    tags: ['dashboard'],
    description: 'AI agent usage for the period and channel the dashboard shows (same query as `GET /dashboard`).',
    request: { query: dashboardQuery },
    responses: {
      200: json(aiUsageResponse, 'Agent turns, tokens (input + output) and estimated cost in US dollars'),
      400: json(apiError, '`invalid_period`'),
      404: json(apiError, 'No such channel'),
    },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const q = c.req.valid('query');
    // Days counted in the business time zone, as the rest of the dashboard.
    const { timeZone } = await loadSettings(db);
    const period = resolvePeriod(q, clock.now(), timeZone);
    if (!period || period.from >= period.to)
      throw new AppError(
        400,
        'invalid_period',
        `O período precisa ter início antes do fim e até ${maxPeriodDays} dias.`,
      );
    const channelId = q.channelId ?? null;
    if (channelId !== null && !(await channelExists(db, channelId))) throw notFound('Canal');
    const usage = await aiUsage(db, { ...period, channelId, timeZone });
    return c.json({ runs: usage.runs, tokens: usage.tokens, costUsd: usage.cost_usd }, 200);
  },
);

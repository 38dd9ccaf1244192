import { createRoute } from '@hono/zod-openapi';
import { apiError } from '../../shared/api/common.ts';
import { dashboardQuery, dashboardResponse } from '../../shared/api/dashboard.ts';
import { channelExists } from '../db/queries/channels.ts';
import { dashboardFigures } from '../dashboard/figures.ts';
import { maxPeriodDays, resolvePeriod } from '../dashboard/period.ts';
import { loadSettings } from '../settings/load-settings.ts';
import { requireRole } from '../http/auth.ts';
import { AppError, notFound } from '../http/errors.ts';
import { createRouter, json } from '../http/router.ts';

/**
 * The dashboard, for those who build and run the bot (admins and editors). Agents work single
 * conversations in the inbox; account-wide figures (revenue included) are not theirs to see.
 */
export const dashboardRoutes = createRouter();
dashboardRoutes.use('*', requireRole('editor'));

dashboardRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['dashboard'],
    description:
      'Figures for a period (`days` 7, 30 or 90 up to now, or ISO `from`/`to`; default the last 7 days in ' +
      "the settings' time zone) and optionally one channel; `flowId` adds that flow's funnel.",
    request: { query: dashboardQuery },
    responses: {
      200: json(
        dashboardResponse,
        'Conversations, first-reply times, messages, orders, the funnel and a per-day series',
      ),
      400: json(apiError, '`invalid_period`: longer than a year'),
      404: json(apiError, 'No such channel or flow'),
    },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const q = c.req.valid('query');
    const now = clock.now();
    // Days are counted in the business's time zone (Configurações), America/Sao_Paulo by default.
    const { timeZone } = await loadSettings(db);
    const period = resolvePeriod(q, now, timeZone);
    if (!period) throw new AppError(400, 'invalid_period', `O período pode ter no máximo ${maxPeriodDays} dias.`);
    if (period.from >= period.to)
      throw new AppError(400, 'invalid_period', 'O início do período precisa ser antes do fim.');
    const channelId = q.channelId ?? null;
    if (channelId !== null && !(await channelExists(db, channelId))) throw notFound('Canal');
    const figures = await dashboardFigures(db, { ...period, channelId, timeZone }, q.flowId ?? null, { now });
    if (figures.funnel === undefined) throw notFound('Fluxo');
    return c.json({ ...figures, funnel: figures.funnel }, 200);
  },
);

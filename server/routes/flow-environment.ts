import { createRoute } from '@hono/zod-openapi';
import { flowEnvironmentQuery, flowEnvironmentResponse } from '../../shared/api/flows.ts';
import { loadFlowEnvironment } from '../flows/flow-environment.ts';
import { requireRole } from '../http/auth.ts';
import { createRouter, json } from '../http/router.ts';

/**
 * What the studio's own validation needs to know about this installation (which categories
 * have products to offer, whether AI is configured), fetched when a flow is opened.
 */
export const flowEnvironmentRoutes = createRouter();
flowEnvironmentRoutes.use('*', requireRole('editor'));

flowEnvironmentRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['flows'],
    request: { query: flowEnvironmentQuery },
    responses: { 200: json(flowEnvironmentResponse, 'Facts for flow validation') },
  }),
  async (c) =>
    c.json({ environment: await loadFlowEnvironment(c.var.deps.db, c.var.deps, c.req.valid('query').flowId) }, 200),
);

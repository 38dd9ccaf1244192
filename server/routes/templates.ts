import { createRoute } from '@hono/zod-openapi';
import { templatesResponse } from '../../shared/api/flows.ts';
import { starterTemplates } from '../../shared/templates/index.ts';
import { requireRole } from '../http/auth.ts';
import { createRouter, json } from '../http/router.ts';

export const templateRoutes = createRouter();
templateRoutes.use('*', requireRole('editor'));

templateRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['flows'],
    responses: { 200: json(templatesResponse, 'Starter templates') },
  }),
  (c) =>
    c.json(
      {
        templates: starterTemplates.map((t) => ({
          id: t.id,
          name: t.name,
          description: t.description,
          nodeCount: t.flow.nodes.length,
          hasSampleData: t.sampleData !== null,
        })),
      },
      200,
    ),
);

import { createRoute, z } from '@hono/zod-openapi';
import { flowResponse, restoreVersionRequest, versionDetailResponse } from '../../shared/api/flows.ts';
import { flowDocument } from '../../shared/flow/schema.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { findFlow, findVersion, listVersions, saveDraft } from '../db/queries/flows.ts';
import { requireRole } from '../http/auth.ts';
import { AppError, notFound } from '../http/errors.ts';
import { createRouter, json, jsonBody } from '../http/router.ts';
import { flowDetailView, versionView } from './flow-views.ts';

/** Mounted under /api/flows: one published version to look at, and copying it back into the draft. */
export const flowVersionRoutes = createRouter();
flowVersionRoutes.use('*', requireRole('editor'));

const versionParam = z.object({ id: z.string().min(1).max(100), v: z.coerce.number().int().min(1) });
const tags = ['flows'];

flowVersionRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/versions/{v}',
    tags,
    request: { params: versionParam },
    responses: { 200: json(versionDetailResponse, 'The version and its graph, as flow JSON') },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const { id, v } = c.req.valid('param');
    const flow = await findFlow(db, id);
    if (!flow) throw notFound('Fluxo');
    const listed = (await listVersions(db, id)).find((x) => x.version === v);
    if (!listed) throw notFound(`Versão ${v}`);
    return c.json(
      { version: versionView(listed, flow.published_version), graph: flowDocument.parse(listed.graph) },
      200,
    );
  },
);

flowVersionRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/versions/{v}/restore',
    tags,
    request: { params: versionParam, body: jsonBody(restoreVersionRequest) },
    responses: {
      200: json(flowResponse, 'The draft is now a copy of that version (the flow keeps its name); revision bumped'),
    },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const { id, v } = c.req.valid('param');
    const { revision } = c.req.valid('json');
    const flow = await findFlow(db, id);
    if (!flow) throw notFound('Fluxo');
    const version = await findVersion(db, id, v);
    if (!version) throw notFound(`Versão ${v}`);
    // A rename is not part of a version: the flow keeps the name it has now.
    const draft = { ...flowDocument.parse(version.graph), name: flow.name };
    const saved = await db.transaction().execute(async (tx) => {
      const row = await saveDraft(tx, id, draft, revision, c.var.actor.userId, clock.now());
      if (row) await recordAudit(tx, c.var.actor, 'flow.restore', { type: 'flow', id }, { version: v });
      return row;
    });
    if (!saved) {
      const current = await findFlow(db, id);
      throw new AppError(
        409,
        'conflict',
        'O rascunho foi salvo depois que você o abriu. Recarregue e tente restaurar de novo.',
        { revision: current?.revision ?? null },
      );
    }
    c.header('ETag', `"${saved.revision}"`);
    return c.json({ flow: flowDetailView(saved) }, 200);
  },
);

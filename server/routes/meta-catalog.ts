import { createRoute, z } from '@hono/zod-openapi';
import {
  metaCatalogLinkResponse,
  metaCatalogSyncResponse,
  updateMetaCatalogLinkRequest,
} from '../../shared/api/meta-catalog.ts';
import { apiError } from '../../shared/api/common.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { findCatalog } from '../db/queries/catalogs.ts';
import { requireRole } from '../http/auth.ts';
import { AppError, notFound } from '../http/errors.ts';
import { publicBaseUrl } from '../http/public-url.ts';
import { createRouter, json, jsonBody, updateRoute } from '../http/router.ts';
import { deleteLink, findLink, linkView, saveLink } from '../meta-catalog/link-store.ts';
import { syncMetaCatalog } from '../meta-catalog/sync-catalog.ts';

/** `/api/catalogs/{id}/meta`: a catalog mirrored into a Meta commerce catalog (product messages, carts). */
export const metaCatalogRoutes = createRouter();
metaCatalogRoutes.use('*', requireRole('editor'));
const tags = ['catalog'];
const idParam = z.object({ id: z.string().min(1).max(100) });

metaCatalogRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/meta',
    tags,
    request: { params: idParam },
    responses: { 200: json(metaCatalogLinkResponse, 'The link and the last sync; null when not linked') },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const { id } = c.req.valid('param');
    if (!(await findCatalog(db, id))) throw notFound('Catálogo');
    const link = await findLink(db, id);
    return c.json({ link: link ? linkView(link) : null }, 200);
  },
);

// PATCH and PUT change only the fields sent (SPEC); the first save of a link must name the Meta catalog.
updateRoute(
  metaCatalogRoutes,
  {
    path: '/{id}/meta',
    tags,
    request: { params: idParam, body: jsonBody(updateMetaCatalogLinkRequest) },
    responses: {
      200: json(metaCatalogLinkResponse, 'Linked (a new Meta catalog id starts from an empty one)'),
      400: json(apiError, 'A first link without metaCatalogId'),
    },
  },
  async (c) => {
    const { db } = c.var.deps;
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const row = await db.transaction().execute(async (tx) => {
      if (!(await findCatalog(tx, id))) throw notFound('Catálogo');
      const previous = await findLink(tx, id);
      const metaCatalogId = body.metaCatalogId ?? previous?.meta_catalog_id;
      if (!metaCatalogId)
        throw new AppError(400, 'meta_catalog_id_required', 'Informe o id do catálogo da Meta para vincular.');
      const values = {
        metaCatalogId,
        brand: body.brand !== undefined ? body.brand : (previous?.brand ?? null),
        websiteUrl: body.websiteUrl !== undefined ? body.websiteUrl : (previous?.website_url ?? null),
        autoSync: body.autoSync ?? previous?.auto_sync ?? false,
      };
      const row = await saveLink(tx, id, values);
      await recordAudit(tx, c.var.actor, 'catalog.meta_link', { type: 'catalog', id }, { ...body });
      return row;
    });
    return c.json({ link: linkView(row) }, 200);
  },
);

metaCatalogRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/{id}/meta',
    tags,
    request: { params: idParam },
    responses: { 204: { description: 'Unlinked; the items stay in Meta until deleted there' } },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const { id } = c.req.valid('param');
    await db.transaction().execute(async (tx) => {
      if (!(await deleteLink(tx, id))) throw notFound('Vínculo com a Meta');
      await recordAudit(tx, c.var.actor, 'catalog.meta_unlink', { type: 'catalog', id });
    });
    return c.body(null, 204);
  },
);

metaCatalogRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/meta/sync',
    tags,
    request: { params: idParam },
    responses: {
      200: json(
        metaCatalogSyncResponse,
        "Synced now: `link.lastSync` says what changed and Meta's complaints per item (`ok: false` with `error` when Meta refused the call)",
      ),
    },
  }),
  async (c) => {
    const { db, secrets, config, clock } = c.var.deps;
    const { id } = c.req.valid('param');
    const row = await syncMetaCatalog(
      { db, secrets, graph: config.graph, publicUrl: publicBaseUrl(c), now: () => clock.now() },
      id,
    );
    if (!row) throw notFound('Vínculo com a Meta');
    await recordAudit(db, c.var.actor, 'catalog.meta_sync', { type: 'catalog', id }, { ...linkView(row).lastSync });
    return c.json({ link: linkView(row) }, 200);
  },
);

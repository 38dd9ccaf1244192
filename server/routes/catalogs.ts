import { createRoute, z } from '@hono/zod-openapi';
import {
  catalogItemResponse,
  catalogsResponse,
  createCatalogRequest,
  defaultCatalogId,
  updateCatalogRequest,
} from '../../shared/api/catalog.ts';
import { recordAudit } from '../db/queries/audit.ts';
import {
  catalogHasCategories,
  catalogNameTaken,
  deleteCatalog,
  findCatalog,
  insertCatalog,
  listCatalogs,
  renameCatalog,
  type CatalogRow,
} from '../db/queries/catalogs.ts';
import { requireRole } from '../http/auth.ts';
import { AppError, notFound } from '../http/errors.ts';
import { createRouter, json, jsonBody, updateRoute } from '../http/router.ts';

/** `/api/catalogs`: one catalog per business line (a pizzeria's bot must not offer apartments). */
export const catalogRoutes = createRouter();
catalogRoutes.use('*', requireRole('editor'));
const tags = ['catalog'];
const idParam = z.object({ id: z.string().min(1).max(100) });
const view = (k: CatalogRow, counts = { categories: 0, products: 0 }) => ({ id: k.id, name: k.name, ...counts });

const nameTaken = (name: string) => new AppError(409, 'catalog_taken', `Já existe o catálogo "${name}".`);

catalogRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags,
    responses: { 200: json(catalogsResponse, 'Every catalog with how many categories and products it has') },
  }),
  async (c) => {
    const rows = await listCatalogs(c.var.deps.db);
    return c.json({ catalogs: rows.map((r) => view(r, r)) }, 200);
  },
);

catalogRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags,
    request: { body: jsonBody(createCatalogRequest) },
    responses: { 201: json(catalogItemResponse, 'Created, empty'), 409: { description: '`catalog_taken`' } },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const { name } = c.req.valid('json');
    if (await catalogNameTaken(db, name)) throw nameTaken(name);
    const row = await db.transaction().execute(async (tx) => {
      const row = await insertCatalog(tx, name);
      await recordAudit(tx, c.var.actor, 'catalog.create', { type: 'catalog', id: row.id }, { name });
      return row;
    });
    return c.json({ catalog: view(row) }, 201);
  },
);

updateRoute(
  catalogRoutes,
  {
    path: '/{id}',
    tags,
    request: { params: idParam, body: jsonBody(updateCatalogRequest.partial()) },
    responses: { 200: json(catalogItemResponse, 'Renamed (PUT the same as PATCH)') },
  },
  async (c) => {
    const { db } = c.var.deps;
    const { id } = c.req.valid('param');
    const { name } = c.req.valid('json');
    const found = await findCatalog(db, id);
    if (!found) throw notFound('Catálogo');
    if (name === undefined) return c.json({ catalog: view(found) }, 200);
    if (await catalogNameTaken(db, name, id)) throw nameTaken(name);
    const row = await renameCatalog(db, id, name);
    if (!row) throw notFound('Catálogo');
    const counts = (await listCatalogs(db)).find((k) => k.id === id);
    return c.json({ catalog: view(row, counts) }, 200);
  },
);

catalogRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/{id}',
    tags,
    request: { params: idParam },
    responses: {
      204: { description: 'Deleted; channels that chose it offer the default catalog' },
      409: { description: '`catalog_in_use` (it has categories) or `default_catalog`' },
    },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const { id } = c.req.valid('param');
    if (id === defaultCatalogId)
      throw new AppError(409, 'default_catalog', 'O catálogo principal não pode ser excluído.');
    await db.transaction().execute(async (tx) => {
      if (await catalogHasCategories(tx, id))
        throw new AppError(409, 'catalog_in_use', 'O catálogo tem categorias; exclua-as ou mova-as antes.');
      if (!(await deleteCatalog(tx, id))) throw notFound('Catálogo');
      await recordAudit(tx, c.var.actor, 'catalog.delete', { type: 'catalog', id });
    });
    return c.body(null, 204);
  },
);

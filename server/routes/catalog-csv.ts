import { createRoute, z } from '@hono/zod-openapi';
import { importCatalogRequest, importCatalogResponse } from '../../shared/api/catalog.ts';
import { catalogCsv, readCatalogCsv } from '../catalog/catalog-csv.ts';
import { importCatalog } from '../catalog/import-catalog.ts';
import { productViews } from '../catalog/product-view.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { markCatalogDue } from '../meta-catalog/mark-due.ts';
import { listCatalogProducts, listCategories } from '../db/queries/catalog.ts';
import { findCatalog } from '../db/queries/catalogs.ts';
import { requireRole } from '../http/auth.ts';
import { AppError, notFound } from '../http/errors.ts';
import { publicBaseUrl } from '../http/public-url.ts';
import { createRouter, json } from '../http/router.ts';

/** `/api/catalogs/{id}/export.csv` and `/import`: a catalog as a spreadsheet, and back. */
export const catalogCsvRoutes = createRouter();
catalogCsvRoutes.use('*', requireRole('editor'));
const tags = ['catalog'];
const idParam = z.object({ id: z.string().min(1).max(100) });

catalogCsvRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/export.csv',
    tags,
    request: { params: idParam },
    responses: {
      200: {
        description:
          'sku, categoria, nome, descricao, preco, preco_promocional, estoque, ativo, atributos ("k=v; …"), ' +
          'variantes ("Nome=preço/estoque [SKU]; …"), imagem; the import reads it back',
        content: { 'text/csv': { schema: z.string() } },
      },
    },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const { id } = c.req.valid('param');
    if (!(await findCatalog(db, id))) throw notFound('Catálogo');
    const [categories, rows] = await Promise.all([listCategories(db, id), listCatalogProducts(db, id)]);
    const names = new Map(categories.map((k) => [k.id, k.name]));
    const views = await productViews(db, rows, publicBaseUrl(c));
    const csv = catalogCsv(
      views.map((p) => ({
        ...p,
        category: names.get(p.categoryId) ?? '',
        variants: p.variants.map((v) => ({ ...v, promoPriceCents: null })),
        imageUrl: p.photos[0]?.url ?? p.imageUrl,
      })),
    );
    await recordAudit(db, c.var.actor, 'catalog.export', { type: 'catalog', id }, { products: rows.length });
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="catalogo.csv"');
    return c.body(csv, 200);
  },
);

catalogCsvRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/import',
    tags,
    request: {
      params: idParam,
      // JSON with the file's text (what the studio sends: cookie writes must be JSON), or the file as text/csv.
      body: {
        content: { 'application/json': { schema: importCatalogRequest }, 'text/csv': { schema: z.string() } },
        required: false,
      },
    },
    responses: {
      200: json(
        importCatalogResponse,
        'Products created and updated (by SKU, else by category and name), lines rejected with why',
      ),
    },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const { id } = c.req.valid('param');
    const isCsv = (c.req.header('content-type') ?? '').toLowerCase().startsWith('text/csv');
    const sent = c.req.valid('json');
    const csv = isCsv || typeof sent === 'string' ? await c.req.text() : sent?.csv;
    if (!csv) throw new AppError(400, 'invalid_csv', 'Envie o CSV (campo csv, ou o arquivo como text/csv).');
    if (!(await findCatalog(db, id))) throw notFound('Catálogo');
    const { products, rejected } = readCatalogCsv(csv);
    const result = await db.transaction().execute(async (tx) => {
      const written = await importCatalog(tx, id, products, clock.now());
      if (written.created + written.updated > 0) await markCatalogDue(tx, id, clock.now());
      await recordAudit(
        tx,
        c.var.actor,
        'catalog.import',
        { type: 'catalog', id },
        {
          created: written.created,
          updated: written.updated,
          rejected: rejected.length + written.rejected.length,
        },
      );
      return written;
    });
    const all = [...rejected, ...result.rejected].sort((a, b) => a.line - b.line);
    return c.json({ created: result.created, updated: result.updated, rejected: all }, 200);
  },
);

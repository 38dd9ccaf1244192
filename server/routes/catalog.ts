import { createRoute, z } from '@hono/zod-openapi';
import {
  catalogQuery,
  catalogResponse,
  categoryResponse,
  createCategoryRequest,
  createProductRequest,
  productResponse,
  updateCategoryRequest,
  updateProductRequest,
} from '../../shared/api/catalog.ts';
import type { Executor } from '../db/database.ts';
import {
  catalogOfCategory,
  categoryExists,
  categoryHasProducts,
  categoryNameTaken,
  deleteCategory,
  deleteProduct,
  insertCategory,
  insertProduct,
  listCatalog,
  listCatalogProducts,
  listCategories,
  replaceVariants,
  skuTaken,
  updateCategory,
  updateProduct,
} from '../db/queries/catalog.ts';
import { findCatalog } from '../db/queries/catalogs.ts';
import { categoryView, productViews } from '../catalog/product-view.ts';
import { publicBaseUrl } from '../http/public-url.ts';
import type { RowUpdate } from '../db/tables.ts';
import { requireRole } from '../http/auth.ts';
import { AppError, notFound } from '../http/errors.ts';
import { createRouter, json, jsonBody, updateRoute } from '../http/router.ts';
import { markCategoryCatalogDue, markProductCatalogDue } from '../meta-catalog/mark-due.ts';

/** `/api/products` (catalog with categories) and `/api/categories`; editors manage both. */
export const productRoutes = createRouter();
export const categoryRoutes = createRouter();
productRoutes.use('*', requireRole('editor'));
categoryRoutes.use('*', requireRole('editor'));
const tags = ['catalog'];
const idParam = z.object({ id: z.string().min(1).max(100) });

async function assertCategory(db: Executor, id: string | undefined) {
  if (id === undefined) return;
  if (!(await categoryExists(db, id))) throw new AppError(400, 'unknown_category', 'A categoria escolhida não existe.');
}

async function assertSkuFree(db: Executor, sku: string | null | undefined, exceptId?: string) {
  if (!sku) return;
  if (await skuTaken(db, sku, exceptId))
    throw new AppError(409, 'sku_taken', `Já existe um produto com o SKU "${sku}".`);
}

productRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags,
    request: { query: catalogQuery },
    responses: {
      200: json(catalogResponse, "Categories and products: one catalog's, or every catalog's without `catalogId`"),
    },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const { catalogId } = c.req.valid('query');
    if (catalogId && !(await findCatalog(db, catalogId))) throw notFound('Catálogo');
    const { categories, products } = catalogId
      ? { categories: await listCategories(db, catalogId), products: await listCatalogProducts(db, catalogId) }
      : await listCatalog(db);
    return c.json(
      { categories: categories.map(categoryView), products: await productViews(db, products, publicBaseUrl(c)) },
      200,
    );
  },
);

/** The product as the API shows it, read after a write. */
async function viewOf(c: Parameters<typeof publicBaseUrl>[0], row: Parameters<typeof productViews>[1][number]) {
  const [view] = await productViews(c.var.deps.db, [row], publicBaseUrl(c));
  if (!view) throw notFound('Produto');
  return view;
}

productRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags,
    request: { body: jsonBody(createProductRequest) },
    responses: { 201: json(productResponse, 'Created') },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const b = c.req.valid('json');
    await assertCategory(db, b.categoryId);
    await assertSkuFree(db, b.sku);
    const row = await db.transaction().execute(async (tx) => {
      const row = await insertProduct(tx, {
        category_id: b.categoryId,
        sku: b.sku,
        name: b.name,
        description: b.description,
        price_cents: b.priceCents,
        promo_price_cents: b.promoPriceCents,
        image_url: b.imageUrl,
        stock: b.stock,
        attributes: JSON.stringify(b.attributes),
        active: b.active,
      });
      await replaceVariants(tx, row.id, b.variants);
      await markProductCatalogDue(tx, row.id, clock.now());
      return row;
    });
    return c.json({ product: await viewOf(c, row) }, 201);
  },
);

updateRoute(
  productRoutes,
  {
    path: '/{id}',
    tags,
    request: { params: idParam, body: jsonBody(updateProductRequest) },
    responses: { 200: json(productResponse, 'Updated: only the fields sent change (PUT the same as PATCH)') },
  },
  async (c) => {
    const { db, clock } = c.var.deps;
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    await assertCategory(db, b.categoryId);
    await assertSkuFree(db, b.sku, id);
    const changes: RowUpdate<'products'> = { updated_at: clock.now() };
    if (b.categoryId !== undefined) changes.category_id = b.categoryId;
    if (b.sku !== undefined) changes.sku = b.sku;
    if (b.name !== undefined) changes.name = b.name;
    if (b.description !== undefined) changes.description = b.description;
    if (b.priceCents !== undefined) changes.price_cents = b.priceCents;
    if (b.promoPriceCents !== undefined) changes.promo_price_cents = b.promoPriceCents;
    if (b.imageUrl !== undefined) changes.image_url = b.imageUrl;
    if (b.stock !== undefined) changes.stock = b.stock;
    if (b.attributes !== undefined) changes.attributes = JSON.stringify(b.attributes);
    if (b.active !== undefined) changes.active = b.active;
    const row = await db.transaction().execute(async (tx) => {
      // Moving to another catalog's category changes both catalogs: the one it leaves first.
      if (b.categoryId !== undefined) await markProductCatalogDue(tx, id, clock.now());
      const row = await updateProduct(tx, id, changes);
      if (row && b.variants !== undefined) await replaceVariants(tx, id, b.variants);
      if (row) await markProductCatalogDue(tx, id, clock.now());
      return row;
    });
    if (!row) throw notFound('Produto');
    return c.json({ product: await viewOf(c, row) }, 200);
  },
);

productRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/{id}',
    tags,
    request: { params: idParam },
    responses: { 204: { description: 'Deleted (orders keep their copy of name and price)' } },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const { id } = c.req.valid('param');
    const deleted = await db.transaction().execute(async (tx) => {
      await markProductCatalogDue(tx, id, clock.now());
      return deleteProduct(tx, id);
    });
    if (!deleted) throw notFound('Produto');
    return c.body(null, 204);
  },
);

categoryRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags,
    request: { body: jsonBody(createCategoryRequest) },
    responses: { 201: json(categoryResponse, 'Created') },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const b = c.req.valid('json');
    if (!(await findCatalog(db, b.catalogId)))
      throw new AppError(400, 'unknown_catalog', 'O catálogo escolhido não existe.');
    if (await categoryNameTaken(db, b.catalogId, b.name))
      throw new AppError(409, 'category_taken', `Já existe a categoria "${b.name}".`);
    const row = await insertCategory(db, { catalog_id: b.catalogId, name: b.name, position: b.position });
    return c.json({ category: categoryView(row) }, 201);
  },
);

updateRoute(
  categoryRoutes,
  {
    path: '/{id}',
    tags,
    request: { params: idParam, body: jsonBody(updateCategoryRequest) },
    responses: { 200: json(categoryResponse, 'Updated: only the fields sent change (PUT the same as PATCH)') },
  },
  async (c) => {
    const { db, clock } = c.var.deps;
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    const current = await catalogOfCategory(db, id);
    if (current === undefined) throw notFound('Categoria');
    const catalogId = b.catalogId ?? current;
    if (b.catalogId !== undefined && !(await findCatalog(db, b.catalogId)))
      throw new AppError(400, 'unknown_catalog', 'O catálogo escolhido não existe.');
    const name = b.name ?? (await updateCategory(db, id, {}))?.name ?? '';
    if (await categoryNameTaken(db, catalogId, name, id))
      throw new AppError(409, 'category_taken', `Já existe a categoria "${name}".`);
    const changes: RowUpdate<'categories'> = {};
    if (b.catalogId !== undefined) changes.catalog_id = b.catalogId;
    if (b.name !== undefined) changes.name = b.name;
    if (b.position !== undefined) changes.position = b.position;
    const row = await db.transaction().execute(async (tx) => {
      // Items carry no category, but a category moved to another catalog takes its products along.
      const moves = b.catalogId !== undefined && b.catalogId !== current;
      if (moves) await markCategoryCatalogDue(tx, id, clock.now());
      const row = await updateCategory(tx, id, changes);
      if (row && moves) await markCategoryCatalogDue(tx, id, clock.now());
      return row;
    });
    if (!row) throw notFound('Categoria');
    return c.json({ category: categoryView(row) }, 200);
  },
);

categoryRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/{id}',
    tags,
    request: { params: idParam },
    responses: { 204: { description: 'Deleted' } },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const { id } = c.req.valid('param');
    if (await categoryHasProducts(db, id))
      throw new AppError(409, 'category_in_use', 'A categoria tem produtos; mova ou exclua os produtos antes.');
    if (!(await deleteCategory(db, id))) throw notFound('Categoria');
    return c.body(null, 204);
  },
);

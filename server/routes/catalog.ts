import { createRoute, z } from '@hono/zod-openapi';
import {
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
  categoryExists,
  categoryHasProducts,
  categoryNameTaken,
  deleteCategory,
  deleteProduct,
  insertCategory,
  insertProduct,
  listCatalog,
  skuTaken,
  updateCategory,
  updateProduct,
  type CategoryRow,
  type ProductRow,
} from '../db/queries/catalog.ts';
import type { RowUpdate } from '../db/tables.ts';
import { requireRole } from '../http/auth.ts';
import { AppError, notFound } from '../http/errors.ts';
import { createRouter, json, jsonBody, updateRoute } from '../http/router.ts';

/** `/api/products` (catalog with categories) and `/api/categories`; editors manage both. */
export const productRoutes = createRouter();
export const categoryRoutes = createRouter();
productRoutes.use('*', requireRole('editor'));
categoryRoutes.use('*', requireRole('editor'));
const tags = ['catalog'];
const idParam = z.object({ id: z.string().min(1).max(100) });

const productView = (p: ProductRow) => ({
  id: p.id,
  categoryId: p.category_id,
  sku: p.sku,
  name: p.name,
  description: p.description,
  priceCents: p.price_cents,
  imageUrl: p.image_url,
  stock: p.stock,
  active: p.active,
});
const categoryView = (k: CategoryRow) => ({ id: k.id, name: k.name, position: k.position });

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
  createRoute({ method: 'get', path: '/', tags, responses: { 200: json(catalogResponse, 'Categories and products') } }),
  async (c) => {
    const { categories, products } = await listCatalog(c.var.deps.db);
    return c.json({ categories: categories.map(categoryView), products: products.map(productView) }, 200);
  },
);

productRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags,
    request: { body: jsonBody(createProductRequest) },
    responses: { 201: json(productResponse, 'Created') },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const b = c.req.valid('json');
    await assertCategory(db, b.categoryId);
    await assertSkuFree(db, b.sku);
    const row = await insertProduct(db, {
      category_id: b.categoryId,
      sku: b.sku,
      name: b.name,
      description: b.description,
      price_cents: b.priceCents,
      image_url: b.imageUrl,
      stock: b.stock,
      active: b.active,
    });
    return c.json({ product: productView(row) }, 201);
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
    if (b.imageUrl !== undefined) changes.image_url = b.imageUrl;
    if (b.stock !== undefined) changes.stock = b.stock;
    if (b.active !== undefined) changes.active = b.active;
    const row = await updateProduct(db, id, changes);
    if (!row) throw notFound('Produto');
    return c.json({ product: productView(row) }, 200);
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
    if (!(await deleteProduct(c.var.deps.db, c.req.valid('param').id))) throw notFound('Produto');
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
    if (await categoryNameTaken(db, b.name))
      throw new AppError(409, 'category_taken', `Já existe a categoria "${b.name}".`);
    const row = await insertCategory(db, { name: b.name, position: b.position });
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
    const { db } = c.var.deps;
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    if (b.name !== undefined) {
      if (await categoryNameTaken(db, b.name, id))
        throw new AppError(409, 'category_taken', `Já existe a categoria "${b.name}".`);
    }
    const changes: RowUpdate<'categories'> = {};
    if (b.name !== undefined) changes.name = b.name;
    if (b.position !== undefined) changes.position = b.position;
    const row = await updateCategory(db, id, changes);
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

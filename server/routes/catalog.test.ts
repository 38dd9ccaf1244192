import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

describe('catalog API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const editor = () => t.as('editor');

  it('manages categories and products with prices in cents', async () => {
    const cat = await editor().json<{ category: { id: string } }>('POST', '/api/categories', { name: 'Bebidas' });
    expect(cat.status).toBe(201);
    const product = await editor().json<{ product: Record<string, unknown> & { id: string } }>(
      'POST',
      '/api/products',
      {
        categoryId: cat.body.category.id,
        name: 'Água 500ml',
        priceCents: 350,
        stock: 40,
        imageUrl: 'https://cdn.example/agua.jpg',
      },
    );
    expect(product.status).toBe(201);
    expect(product.body.product).toMatchObject({ name: 'Água 500ml', priceCents: 350, stock: 40, active: true });
    const updated = await editor().json<{ product: { priceCents: number } }>(
      'PUT',
      `/api/products/${product.body.product.id}`,
      { priceCents: 400 },
    );
    expect(updated.body.product.priceCents).toBe(400);
    const catalog = await editor().json<{ categories: unknown[]; products: unknown[] }>('GET', '/api/products');
    expect(catalog.body).toMatchObject({
      categories: [expect.objectContaining({ name: 'Bebidas' })],
      products: [expect.objectContaining({ priceCents: 400 })],
    });

    const inUse = await editor().json<{ error: { code: string } }>('DELETE', `/api/categories/${cat.body.category.id}`);
    expect(inUse.status).toBe(409);
    expect((await editor().request('DELETE', `/api/products/${product.body.product.id}`)).status).toBe(204);
    expect((await editor().request('DELETE', `/api/categories/${cat.body.category.id}`)).status).toBe(204);
  });

  it.each([
    ['a negative price', { priceCents: -1 }, /priceCents/],
    ['a price with decimals', { priceCents: 3.5 }, /priceCents/],
    ['a name too long for a WhatsApp list row', { name: 'x'.repeat(25) }, /24 caracteres/],
    ['an image that is not a URL', { imageUrl: 'javascript:alert(1)' }, /imageUrl/],
  ])('refuses %s with a 400', async (_, patch, message) => {
    const cat = await editor().json<{ category: { id: string } }>('POST', '/api/categories', {
      name: `Cat ${Math.random()}`.slice(0, 20),
    });
    const res = await editor().json<{ error: { code: string; message: string } }>('POST', '/api/products', {
      categoryId: cat.body.category.id,
      name: 'Produto',
      priceCents: 100,
      ...patch,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(
      await t.testDb.db.selectFrom('products').selectAll().where('category_id', '=', cat.body.category.id).execute(),
    ).toEqual([]);
  });

  it('refuses a product in an unknown category and a duplicate category name', async () => {
    const res = await editor().json<{ error: { code: string } }>('POST', '/api/products', {
      categoryId: 'nope',
      name: 'X',
      priceCents: 1,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('unknown_category');
    await editor().json('POST', '/api/categories', { name: 'Lanches' });
    const dup = await editor().json<{ error: { code: string } }>('POST', '/api/categories', { name: 'Lanches' });
    expect(dup.status).toBe(409);
  });
});

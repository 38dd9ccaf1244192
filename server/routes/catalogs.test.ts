import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogPort } from '../conversation/catalog-port.ts';
import { createApiToken } from '../db/queries/tokens.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

interface ProductBody {
  id: string;
  promoPriceCents: number | null;
  attributes: Record<string, string>;
  variants: { id: string; name: string; priceCents: number; stock: number | null }[];
  photos: { id: string; url: string; width: number; height: number }[];
}

describe('catalogs, variants and photos', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const editor = () => t.as('editor');

  async function newCatalog(name: string) {
    const res = await editor().json<{ catalog: { id: string } }>('POST', '/api/catalogs', { name });
    expect(res.status).toBe(201);
    return res.body.catalog.id;
  }

  it('keeps each catalog to itself: same category names, separate listings, audited', async () => {
    const pizzaria = await newCatalog('Pizzaria');
    const imoveis = await newCatalog('Imóveis');
    expect((await editor().json('POST', '/api/catalogs', { name: 'Pizzaria' })).status).toBe(409);
    const a = await editor().json<{ category: { id: string; catalogId: string } }>('POST', '/api/categories', {
      catalogId: pizzaria,
      name: 'Destaques',
    });
    const b = await editor().json<{ category: { id: string } }>('POST', '/api/categories', {
      catalogId: imoveis,
      name: 'Destaques',
    });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.category.catalogId).toBe(pizzaria);
    const unknown = await editor().json<{ error: { code: string } }>('POST', '/api/categories', {
      catalogId: 'nope',
      name: 'X',
    });
    expect(unknown).toEqual({ status: 400, body: { error: expect.objectContaining({ code: 'unknown_catalog' }) } });
    await editor().json('POST', '/api/products', { categoryId: a.body.category.id, name: 'Calabresa', priceCents: 1 });
    await editor().json('POST', '/api/products', {
      categoryId: b.body.category.id,
      name: 'Apartamento',
      priceCents: 1,
    });

    const listed = await editor().json<{ categories: { id: string }[]; products: { name: string }[] }>(
      'GET',
      `/api/products?catalogId=${pizzaria}`,
    );
    expect(listed.body.products.map((p) => p.name)).toEqual(['Calabresa']);
    expect(listed.body.categories.map((c) => c.id)).toEqual([a.body.category.id]);
    // The picker asks by catalog: the pizzeria's bot never offers apartments.
    const port = createCatalogPort(t.testDb.db);
    expect((await port.categories([], pizzaria)).map((c) => c.id)).toEqual([a.body.category.id]);

    const all = await editor().json<{ catalogs: { id: string; name: string; products: number }[] }>(
      'GET',
      '/api/catalogs',
    );
    expect(all.body.catalogs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'default', name: 'Catálogo principal' }),
        expect.objectContaining({ id: pizzaria, products: 1, categories: 1 }),
      ]),
    );
    const inUse = await editor().json<{ error: { code: string } }>('DELETE', `/api/catalogs/${pizzaria}`);
    expect(inUse.status).toBe(409);
    expect((await editor().json('DELETE', '/api/catalogs/default')).status).toBe(409);
    const empty = await newCatalog('Vazio');
    expect((await editor().json('PATCH', `/api/catalogs/${empty}`, { name: 'Ainda vazio' })).status).toBe(200);
    expect((await editor().request('DELETE', `/api/catalogs/${empty}`)).status).toBe(204);
    const audit = await t.testDb.db.selectFrom('audit_log').select('action').where('target_id', '=', empty).execute();
    expect(audit.map((r) => r.action).sort()).toEqual(['catalog.create', 'catalog.delete']);
  });

  it('stores promotional prices, attributes and variants, matching variants by name on update', async () => {
    const cat = await editor().json<{ category: { id: string } }>('POST', '/api/categories', { name: 'Pizzas' });
    const created = await editor().json<{ product: ProductBody }>('POST', '/api/products', {
      categoryId: cat.body.category.id,
      name: 'Margherita',
      priceCents: 4000,
      promoPriceCents: 3500,
      attributes: { massa: 'fina' },
      variants: [
        { name: 'Grande', priceCents: 5000, stock: 3 },
        { name: 'Broto', priceCents: 3000 },
      ],
    });
    expect(created.status).toBe(201);
    const p = created.body.product;
    expect(p).toMatchObject({ promoPriceCents: 3500, attributes: { massa: 'fina' } });
    expect(p.variants.map((v) => [v.name, v.priceCents, v.stock])).toEqual([
      ['Grande', 5000, 3],
      ['Broto', 3000, null],
    ]);
    const grande = p.variants[0]?.id;
    const updated = await editor().json<{ product: ProductBody }>('PATCH', `/api/products/${p.id}`, {
      variants: [{ name: 'Grande', priceCents: 5200, stock: 2 }],
    });
    expect(updated.body.product.variants).toEqual([
      { id: grande, name: 'Grande', priceCents: 5200, promoPriceCents: null, sku: null, stock: 2 },
    ]);
    const twice = await editor().json('PATCH', `/api/products/${p.id}`, {
      variants: [
        { name: 'G', priceCents: 1 },
        { name: 'G', priceCents: 2 },
      ],
    });
    expect(twice.status).toBe(400);
    expect((await editor().json('PATCH', `/api/products/${p.id}`, { stock: -1 })).status).toBe(400);
  });

  it('uploads photos resized, serves them cached under an unguessable link, and the bot sends the first', async () => {
    const cat = await editor().json<{ category: { id: string } }>('POST', '/api/categories', { name: 'Bebidas' });
    const product = await editor().json<{ product: ProductBody }>('POST', '/api/products', {
      categoryId: cat.body.category.id,
      name: 'Suco',
      priceCents: 800,
    });
    const id = product.body.product.id;
    const png = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#e63946' } })
      .png()
      .toBuffer();
    const upload = async (bytes: Uint8Array, name = 'foto.png') => {
      const form = new FormData();
      form.append('file', new File([new Uint8Array(bytes)], name, { type: 'image/png' }));
      return t.app.request(`/api/products/${id}/photos`, {
        method: 'POST',
        body: form,
        headers: { authorization: editorAuth },
      });
    };
    const editorAuth = await tokenHeader(t);
    const res = await upload(png);
    expect(res.status).toBe(201);
    const { photo } = (await res.json()) as { photo: ProductBody['photos'][number] };
    expect(photo).toMatchObject({ width: 1200, height: 800 });
    expect(photo.url).toMatch(/^https:\/\/fluxo\.test\/photos\/[\w-]{32}\.jpg$/);
    const second = ((await (await upload(png)).json()) as { photo: ProductBody['photos'][number] }).photo;

    // Reordered: the second photo becomes the one the bot sends; a partial order changes nothing.
    const partial = await editor().json('PUT', `/api/products/${id}/photos/order`, { photoIds: [second.id] });
    expect(partial.status).toBe(400);
    const port = createCatalogPort(t.testDb.db, { publicUrl: 'https://loja.example' });
    expect((await port.product(id))?.imageUrl).toBe(`https://loja.example${new URL(photo.url).pathname}`);
    const order = await editor().json('PUT', `/api/products/${id}/photos/order`, { photoIds: [second.id, photo.id] });
    expect(order.status).toBe(204);
    expect((await port.product(id))?.imageUrl).toBe(`https://loja.example${new URL(second.url).pathname}`);
    expect(
      (await editor().json('PUT', `/api/products/${id}/photos/order`, { photoIds: [photo.id, second.id] })).status,
    ).toBe(204);

    const path = new URL(photo.url).pathname;
    const served = await t.app.request(path);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const meta = await sharp(new Uint8Array(await served.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 800]);
    const etag = served.headers.get('etag') ?? '';
    expect((await t.app.request(path, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await t.app.request('/photos/not-a-real-token-at-all-000.jpg')).status).toBe(404);

    const bad = await upload(new TextEncoder().encode('<html>not an image</html>'), 'x.png');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_image');

    const listed = await editor().json<{ products: ProductBody[] }>('GET', '/api/products');
    expect(listed.body.products.find((p) => p.id === id)?.photos.map((f) => f.id)).toEqual([photo.id, second.id]);
    expect((await port.product(id))?.imageUrl).toBe(`https://loja.example${path}`);

    const del = await t.app.request(`/api/products/${id}/photos/${photo.id}`, {
      method: 'DELETE',
      headers: { authorization: editorAuth },
    });
    expect(del.status).toBe(204);
    expect((await t.app.request(path)).status).toBe(404);
  });
});

/** An editor's bearer header, made the way the test app makes its own (uploads are not JSON). */
async function tokenHeader(t: TestApp): Promise<string> {
  const owner = await t.testDb.db.selectFrom('users').select('id').executeTakeFirstOrThrow();
  const { secret } = await createApiToken(t.testDb.db, { name: 'uploader', role: 'editor', createdBy: owner.id });
  return `Bearer ${secret}`;
}

import { beforeEach, describe, expect, it } from 'vitest';
import type { Product } from '../../shared/api/catalog.ts';
import type { MetaCatalogLink } from '../../shared/api/meta-catalog.ts';
import type { FakeGraph } from '../testing/fake-graph-api.ts';
import { channelInput, recreateChannel, useGraphApp } from '../testing/graph-app.ts';
import type { TestApp } from '../testing/test-app.ts';

const metaCatalogId = '730000000000001';
const token = 'EAAG-meta-catalog-token';
const channel = channelInput('meta-catalog', 'Depósito', '371', token);
type LinkAnswer = { link: MetaCatalogLink };

describe('Meta commerce catalog sync (items_batch)', () => {
  const rig = useGraphApp({ env: { PUBLIC_URL: 'https://fluxo.test' } });
  let t: TestApp;
  let fake: FakeGraph;
  let catalogId: string;
  let categoryId: string;
  const editor = () => t.as('editor');
  const sync = () => editor().json<LinkAnswer>('POST', `/api/catalogs/${catalogId}/meta/sync`);
  const batches = () => fake.requests.filter((r) => r.kind === 'catalog');
  const requestsOf = (n: number) =>
    (batches()[n]!.body as { requests: { method: string; data: Record<string, unknown> }[] }).requests;
  const addProduct = async (body: Record<string, unknown>) =>
    (await editor().json<{ product: Product }>('POST', '/api/products', { categoryId, ...body })).body.product;

  beforeEach(async () => {
    ({ t, fake } = rig);
    fake.reset();
    catalogId = (
      await editor().json<{ catalog: { id: string } }>('POST', '/api/catalogs', { name: `Materiais ${Date.now()}` })
    ).body.catalog.id;
    categoryId = (
      await editor().json<{ category: { id: string } }>('POST', '/api/categories', { catalogId, name: 'Cimento' })
    ).body.category.id;
    const channelId = await recreateChannel(t, channel);
    await t.as('admin').json('PUT', `/api/channels/${channelId}`, { catalogId });
  });

  it('refuses a Meta catalog id that is not a number and changes nothing', async () => {
    const res = await editor().json('PUT', `/api/catalogs/${catalogId}/meta`, { metaCatalogId: 'abc' });
    expect(res.status).toBe(400);
    expect((await editor().json<{ link: null }>('GET', `/api/catalogs/${catalogId}/meta`)).body.link).toBeNull();
    expect((await sync()).status).toBe(404);
  });

  it('changes only the fields sent (PATCH or PUT); a first link must name the Meta catalog', async () => {
    const first = await editor().json('PATCH', `/api/catalogs/${catalogId}/meta`, { autoSync: true });
    expect(first.status).toBe(400);
    expect((await editor().json<{ link: unknown }>('GET', `/api/catalogs/${catalogId}/meta`)).body.link).toBeNull();

    await editor().json('PUT', `/api/catalogs/${catalogId}/meta`, { metaCatalogId, brand: 'Depósito' });
    const patched = await editor().json<LinkAnswer>('PATCH', `/api/catalogs/${catalogId}/meta`, { autoSync: true });
    expect(patched.status).toBe(200);
    expect(patched.body.link).toMatchObject({ metaCatalogId, brand: 'Depósito', autoSync: true });
  });

  it('pushes products and variants field by field, sends nothing the second time, and deletes what was removed', async () => {
    const catalog = fake.addCatalog(metaCatalogId);
    const linked = await editor().json<LinkAnswer>('PUT', `/api/catalogs/${catalogId}/meta`, {
      metaCatalogId,
      brand: 'Depósito Lima',
    });
    expect(linked.status).toBe(200);
    expect(linked.body.link).toMatchObject({ metaCatalogId, brand: 'Depósito Lima', lastSync: null });

    const cimento = await addProduct({
      sku: 'SKU-CIMENTO-50KG',
      name: 'Cimento CP II 50 kg',
      description: 'Saco de 50 kg',
      priceCents: 4290,
      promoPriceCents: 3990,
      stock: 120,
      imageUrl: 'https://cdn.example.com/cimento.jpg',
    });
    await addProduct({
      sku: 'SKU-ARGAMASSA',
      name: 'Argamassa AC-I',
      priceCents: 2450,
      stock: 0,
      imageUrl: 'https://cdn.example.com/argamassa.jpg',
      variants: [
        { name: '20 kg', priceCents: 2450, stock: 10, sku: 'SKU-ARGAMASSA-20KG' },
        { name: '5 kg', priceCents: 890, stock: null },
      ],
    });

    const first = await sync();
    expect(first.status).toBe(200);
    expect(first.body.link.lastSync).toEqual({
      ok: true,
      items: 3,
      created: 3,
      updated: 0,
      deleted: 0,
      unchanged: 0,
      errors: [],
    });
    expect(first.body.link.lastSyncAt).not.toBeNull();
    expect(batches()).toHaveLength(1);
    expect(batches()[0]!.token).toBe(token);
    expect(batches()[0]!.path).toMatch(new RegExp(`/v\\d+\\.\\d+/${metaCatalogId}/items_batch$`));
    expect((batches()[0]!.body as { item_type: string }).item_type).toBe('PRODUCT_ITEM');
    const created = requestsOf(0);
    expect(created.map((r) => r.method)).toEqual(['CREATE', 'CREATE', 'CREATE']);
    expect(created.find((r) => r.data.id === 'SKU-CIMENTO-50KG')!.data).toEqual({
      id: 'SKU-CIMENTO-50KG',
      title: 'Cimento CP II 50 kg',
      availability: 'in stock',
      price: '42.90 BRL',
      sale_price: '39.90 BRL',
      description: 'Saco de 50 kg',
      condition: 'new',
      image_link: 'https://cdn.example.com/cimento.jpg',
      link: 'https://fluxo.test',
      brand: 'Depósito Lima',
    });
    // The product's stock is 0: its variants are out of stock whatever their own stock says.
    const variant = created.find((r) => r.data.id === 'SKU-ARGAMASSA-20KG')!.data;
    expect(variant).toMatchObject({
      title: 'Argamassa AC-I (20 kg)',
      description: 'Argamassa AC-I',
      price: '24.50 BRL',
      availability: 'out of stock',
      item_group_id: 'SKU-ARGAMASSA',
    });
    expect(variant).not.toHaveProperty('sale_price');
    expect(created.find((r) => r.data.id !== 'SKU-ARGAMASSA-20KG' && r.data.item_group_id)!.data.id).toMatch(
      /^SKU-ARGAMASSA-/,
    );
    expect([...catalog.keys()].sort()).toHaveLength(3);

    // Nothing changed: no call at all.
    const second = await sync();
    expect(second.body.link.lastSync).toMatchObject({ ok: true, created: 0, updated: 0, deleted: 0, unchanged: 3 });
    expect(batches()).toHaveLength(1);

    // A price change is one UPDATE; a deleted product is one DELETE per item it had.
    await editor().json('PATCH', `/api/products/${cimento.id}`, { priceCents: 4490 });
    const argamassa = (
      await editor().json<{ products: Product[] }>('GET', `/api/products?catalogId=${catalogId}`)
    ).body.products.find((p) => p.sku === 'SKU-ARGAMASSA')!;
    expect((await editor().request('DELETE', `/api/products/${argamassa.id}`)).status).toBe(204);
    const third = await sync();
    expect(third.body.link.lastSync).toMatchObject({ ok: true, items: 1, created: 0, updated: 1, deleted: 2 });
    const changes = requestsOf(1);
    expect(changes.filter((r) => r.method === 'UPDATE').map((r) => [r.data.id, r.data.price])).toEqual([
      ['SKU-CIMENTO-50KG', '44.90 BRL'],
    ]);
    expect(changes.filter((r) => r.method === 'DELETE').map((r) => Object.keys(r.data))).toEqual([['id'], ['id']]);
    expect([...catalog.keys()]).toEqual(['SKU-CIMENTO-50KG']);
    expect(catalog.get('SKU-CIMENTO-50KG')).toMatchObject({ price: '44.90 BRL' });
  });

  it("keeps Meta's complaint per item and sends the refused item again next time", async () => {
    fake.addCatalog(metaCatalogId);
    await editor().json('PUT', `/api/catalogs/${catalogId}/meta`, { metaCatalogId });
    await addProduct({ sku: 'SEM-FOTO', name: 'Areia média', priceCents: 1500 });
    const first = await sync();
    expect(first.body.link.lastSync).toMatchObject({
      ok: false,
      created: 0,
      errors: [{ retailerId: 'SEM-FOTO', message: 'Missing image_link' }],
    });
    await sync();
    expect(batches()).toHaveLength(2);
  });

  it("reports Meta's refusal of the whole call and keeps no hashes", async () => {
    await editor().json('PUT', `/api/catalogs/${catalogId}/meta`, { metaCatalogId: '730000000000999' });
    await addProduct({ sku: 'X', name: 'Brita', priceCents: 900, imageUrl: 'https://cdn.example.com/b.jpg' });
    const res = await sync();
    expect(res.status).toBe(200);
    expect(res.body.link.lastSync).toMatchObject({ ok: false, items: 1 });
    expect(res.body.link.lastSync!.error).toMatch(/does not exist/);
    const kept = await t.testDb.db
      .selectFrom('meta_catalog_items')
      .selectAll()
      .where('catalog_id', '=', catalogId)
      .execute();
    expect(kept).toEqual([]);
  });
});

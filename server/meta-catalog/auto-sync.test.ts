import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Product } from '../../shared/api/catalog.ts';
import { reserveStock } from '../db/queries/stock.ts';
import type { FakeGraph } from '../testing/fake-graph-api.ts';
import { channelInput, recreateChannel, useGraphApp } from '../testing/graph-app.ts';
import type { TestApp } from '../testing/test-app.ts';
import { until } from '../testing/until.ts';
import { retryDelayMs, runDueMetaSyncs, runMetaSyncsIfDue } from './auto-sync.ts';
import { findLink, linkView } from './link-store.ts';
import type { SyncDeps } from './sync-catalog.ts';

const metaCatalogId = '730000000000002';
const channel = channelInput('auto-sync', 'Empório', '372');

describe('Meta catalog auto-sync (a minute after edits)', () => {
  // The app's clock and the job's stand still unless a test moves them, so nothing sleeps.
  let current = Date.now();
  const now = () => new Date(current);
  const rig = useGraphApp({ env: { PUBLIC_URL: 'https://fluxo.test' }, deps: { clock: { now } } });
  let t: TestApp;
  let fake: FakeGraph;
  const advance = (ms: number) => {
    current += ms;
  };
  let catalogId: string;
  let categoryId: string;
  let deps: SyncDeps;
  const editor = () => t.as('editor');
  const batches = () => fake.requests.filter((r) => r.kind === 'catalog');
  const link = async (id = catalogId) => findLink(t.testDb.db, id);
  const dueIn = async (id = catalogId) => {
    const due = (await link(id))?.sync_due_at;
    return due ? new Date(due).getTime() - now().getTime() : null;
  };
  const newCatalog = async (name: string) => {
    const id = (await editor().json<{ catalog: { id: string } }>('POST', '/api/catalogs', { name })).body.catalog.id;
    const category = (
      await editor().json<{ category: { id: string } }>('POST', '/api/categories', { catalogId: id, name: 'Grãos' })
    ).body.category.id;
    return { id, category };
  };
  // Meta refuses items without a description or a picture: these have both.
  const addProduct = async (body: Record<string, unknown>, category = categoryId) =>
    (
      await editor().json<{ product: Product }>('POST', '/api/products', {
        categoryId: category,
        description: 'Da mercearia',
        imageUrl: 'https://cdn.example.com/produto.jpg',
        ...body,
      })
    ).body.product;
  const linkMeta = (id: string, autoSync: boolean, meta = metaCatalogId) =>
    editor().json('PUT', `/api/catalogs/${id}/meta`, { metaCatalogId: meta, autoSync });

  beforeAll(() => {
    ({ t, fake } = rig);
    deps = {
      db: t.testDb.db,
      secrets: t.deps.secrets,
      graph: t.deps.config.graph,
      publicUrl: 'https://fluxo.test',
      now,
    };
  });
  beforeEach(async () => {
    fake.reset();
    await t.testDb.db.deleteFrom('meta_catalog_links').execute();
    ({ id: catalogId, category: categoryId } = await newCatalog(`Empório ${Date.now()}`));
    const channelId = await recreateChannel(t, channel);
    await t.as('admin').json('PUT', `/api/channels/${channelId}`, { catalogId });
  });

  it('marks the link due a minute after an edit, debounced, and syncs it once however many ticks race', async () => {
    fake.addCatalog(metaCatalogId);
    expect((await linkMeta(catalogId, true)).status).toBe(200);
    expect(await dueIn()).toBeNull();

    const arroz = await addProduct({ sku: 'ARROZ-5KG', name: 'Arroz 5 kg', priceCents: 2890, stock: 8 });
    expect(await dueIn()).toBe(60_000);
    // A second edit 30 s later keeps the first one's deadline: one sync for the burst.
    advance(30_000);
    await editor().json('PATCH', `/api/products/${arroz.id}`, { priceCents: 2790 });
    expect(await dueIn()).toBe(30_000);
    expect(await runDueMetaSyncs(deps)).toBe(0);
    expect(batches()).toHaveLength(0);

    advance(31_000);
    const ran = await Promise.all([runDueMetaSyncs(deps), runDueMetaSyncs(deps), runDueMetaSyncs(deps)]);
    expect(ran.reduce((a, b) => a + b, 0)).toBe(1);
    expect(batches()).toHaveLength(1);
    const stored = (await link())!;
    expect(stored.sync_due_at).toBeNull();
    expect(linkView(stored).lastSync).toMatchObject({ ok: true, items: 1, created: 1 });
    expect(linkView(stored).lastSync?.failures).toBeUndefined();
    // Nothing due any more: later ticks send nothing.
    advance(120_000);
    expect(await runDueMetaSyncs(deps)).toBe(0);
    expect(batches()).toHaveLength(1);

    // Deleting the product marks it due again, and the next sync deletes the item.
    expect((await editor().request('DELETE', `/api/products/${arroz.id}`)).status).toBe(204);
    expect(await dueIn()).toBe(60_000);
    advance(60_000);
    expect(await runDueMetaSyncs(deps)).toBe(1);
    expect(linkView((await link())!).lastSync).toMatchObject({ ok: true, deleted: 1 });
  });

  it('keeps an edit made while a sync runs due for the next one', async () => {
    fake.addCatalog(metaCatalogId);
    await linkMeta(catalogId, true);
    const milho = await addProduct({ name: 'Milho', priceCents: 690 });
    advance(60_000);
    // Meta answers slowly, so the edit below lands while the sync holds the link.
    fake.delayMs = 1000;
    const running = runDueMetaSyncs(deps);
    await until('the sync to take the link', async () => ((await dueIn()) ?? 0) > 60_000, 5000);
    await editor().json('PATCH', `/api/products/${milho.id}`, { priceCents: 650 });
    expect(await running).toBe(1);
    expect(linkView((await link())!).lastSync).toMatchObject({ ok: true, created: 1 });
    expect(await dueIn()).toBe(60_000);
  });

  it("runs the loop's tick on one instance at a time", async () => {
    fake.addCatalog(metaCatalogId);
    await linkMeta(catalogId, true);
    await addProduct({ name: 'Aveia', priceCents: 790 });
    advance(60_000);
    // Two instances ticking together: one takes the tick, the other skips it.
    const ran = await Promise.all([runMetaSyncsIfDue(deps, 15_000), runMetaSyncsIfDue(deps, 15_000)]);
    expect(ran.sort()).toEqual([0, 1]);
    expect(batches()).toHaveLength(1);
    expect(await dueIn()).toBeNull();
  });

  it('never marks an unlinked catalog, nor one linked without auto-sync, nor another catalog', async () => {
    const unlinked = await newCatalog(`Sem vínculo ${Date.now()}`);
    const other = await newCatalog(`Outro ${Date.now()}`);
    fake.addCatalog(metaCatalogId);
    fake.addCatalog('730000000000003');
    await linkMeta(catalogId, false);
    await linkMeta(other.id, true, '730000000000003');

    const feijao = await addProduct({ name: 'Feijão', priceCents: 990, stock: 3 });
    await editor().json('PATCH', `/api/products/${feijao.id}`, { stock: 0 });
    await addProduct({ name: 'Lentilha', priceCents: 1290 }, unlinked.category);
    const csv = [
      'sku;categoria;nome;descricao;preco;preco_promocional;estoque;ativo;atributos;variantes',
      ';Grãos;Grão-de-bico;;11,00;;;sim;;',
    ].join('\n');
    expect((await editor().json('POST', `/api/catalogs/${catalogId}/import`, { csv })).status).toBe(200);

    expect(await dueIn(catalogId)).toBeNull();
    expect(await link(unlinked.id)).toBeUndefined();
    expect(await dueIn(other.id)).toBeNull();
    advance(10 * 60_000);
    expect(await runDueMetaSyncs(deps)).toBe(0);
    expect(batches()).toHaveLength(0);

    // The CSV import into the auto-synced catalog marks it, and only it.
    expect((await editor().json('POST', `/api/catalogs/${other.id}/import`, { csv })).status).toBe(200);
    expect(await dueIn(other.id)).toBe(60_000);
    expect(await dueIn(catalogId)).toBeNull();
  });

  it('marks the catalog when an order takes the last units or a cancel gives them back, not before', async () => {
    await linkMeta(catalogId, true);
    const sal = await addProduct({ name: 'Sal', priceCents: 350, stock: 3 });
    await t.testDb.db.updateTable('meta_catalog_links').set({ sync_due_at: null }).execute();
    const db = t.testDb.db;

    await db.transaction().execute((tx) => reserveStock(tx, { productId: sal.id, quantity: 2 }, now()));
    expect(await dueIn()).toBeNull();
    await db.transaction().execute((tx) => reserveStock(tx, { productId: sal.id, quantity: 1 }, now()));
    expect(await dueIn()).toBe(60_000);

    await db.updateTable('meta_catalog_links').set({ sync_due_at: null }).execute();
    await db.insertInto('orders').values({ id: 'auto-sync-order', status: 'new', total_cents: 350 }).execute();
    await db
      .insertInto('order_items')
      .values({
        id: 'auto-sync-order-a',
        order_id: 'auto-sync-order',
        product_id: sal.id,
        name: 'Sal',
        unit_price_cents: 350,
        quantity: 1,
        reserved: 1,
      })
      .execute();
    // Cancelled through the API: the units come back, and the catalog is due in the same transaction.
    expect((await t.as('agent').json('PATCH', '/api/orders/auto-sync-order', { status: 'cancelled' })).status).toBe(
      200,
    );
    expect(await dueIn()).toBe(60_000);
  });

  it('records a failed sync, retries it later with a longer wait each time, then succeeds', async () => {
    // Not added to the fake Graph API: Meta answers that the catalog does not exist.
    await linkMeta(catalogId, true);
    await addProduct({ sku: 'CAFE-500G', name: 'Café 500 g', priceCents: 1890 });
    advance(60_000);
    expect(await runDueMetaSyncs(deps)).toBe(1);
    let stored = linkView((await link())!);
    expect(stored.lastSync?.ok).toBe(false);
    expect(stored.lastSync?.error).toBeTruthy();
    expect(stored.lastSync?.failures).toBe(1);
    expect(await dueIn()).toBe(retryDelayMs(1));
    // Visible through the API the panel reads.
    const shown = await editor().json<{ link: { lastSync: { error?: string } } }>(
      'GET',
      `/api/catalogs/${catalogId}/meta`,
    );
    expect(shown.body.link.lastSync.error).toBe(stored.lastSync?.error);

    advance(retryDelayMs(1));
    expect(await runDueMetaSyncs(deps)).toBe(1);
    stored = linkView((await link())!);
    expect(stored.lastSync?.failures).toBe(2);
    expect(await dueIn()).toBe(retryDelayMs(2));
    expect(retryDelayMs(2)).toBeGreaterThan(retryDelayMs(1));

    advance(retryDelayMs(2) - 1000);
    expect(await runDueMetaSyncs(deps)).toBe(0);
    fake.addCatalog(metaCatalogId);
    advance(1000);
    expect(await runDueMetaSyncs(deps)).toBe(1);
    stored = linkView((await link())!);
    expect(stored.lastSync).toMatchObject({ ok: true, created: 1 });
    expect(stored.lastSync?.failures).toBeUndefined();
    expect(await dueIn()).toBeNull();
    expect(batches().filter((b) => b.status === 200)).toHaveLength(1);
  });
});

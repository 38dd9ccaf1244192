import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, useBrowserPage } from './harness.ts';
import { simulatorPanel, typeInSimulator } from './simulator.ts';

/**
 * Issue 22 in the browser: a product photo uploaded (multipart, as the studio sends it) shows in
 * the simulator's product card, and the product picker's categories are ticked by name.
 */
let page: Page;

useBrowserPage(async (opened) => {
  ({ page } = opened);
  await login(page);
});

const post = async <T>(path: string, data: unknown): Promise<T> => {
  const res = await page.request.post(path, { data, headers: { origin: new URL(page.url()).origin } });
  expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
};

describe('catalog in the product picker', () => {
  it('ticks categories by name and shows an uploaded photo in the simulator card', async () => {
    const { catalog } = await post<{ catalog: { id: string } }>('/api/catalogs', { name: 'Pizzaria' });
    const pizzas = (
      await post<{ category: { id: string } }>('/api/categories', { catalogId: catalog.id, name: 'Pizzas' })
    ).category;
    const bebidas = (
      await post<{ category: { id: string } }>('/api/categories', { catalogId: catalog.id, name: 'Bebidas' })
    ).category;
    const { product } = await post<{ product: { id: string } }>('/api/products', {
      categoryId: bebidas.id,
      name: 'Suco de caju',
      description: 'Natural, 500 ml',
      priceCents: 900,
    });
    const jpeg = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#f4a261' } })
      .jpeg()
      .toBuffer();
    const upload = await page.request.post(`/api/products/${product.id}/photos`, {
      multipart: { file: { name: 'suco.jpg', mimeType: 'image/jpeg', buffer: jpeg } },
      headers: { origin: new URL(page.url()).origin },
    });
    expect(upload.status(), await upload.text()).toBe(201);

    const { flow } = await post<{ flow: { id: string } }>('/api/flows/import', {
      name: 'Cardápio',
      nodes: [
        { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
        {
          id: 'pp',
          type: 'product_picker',
          position: { x: 0, y: 160 },
          data: { mode: 'single', catalogId: catalog.id },
        },
        { id: 'end', type: 'end', position: { x: 0, y: 360 }, data: {} },
      ],
      edges: [
        { id: 'e1', source: 'start', sourceHandle: 'next', target: 'pp' },
        { id: 'e2', source: 'pp', sourceHandle: 'confirmed', target: 'end' },
        { id: 'e3', source: 'pp', sourceHandle: 'cancelled', target: 'end' },
        { id: 'e4', source: 'pp', sourceHandle: 'timeout', target: 'end' },
      ],
    });
    await page.goto(`/flows/${flow.id}`);
    await page.getByTestId('flow-canvas').locator('.react-flow__node[data-id="pp"]').click();
    const list = page.getByTestId('picker-categories');
    await expect.poll(() => list.getByRole('checkbox').count()).toBe(2);
    await list.getByLabel('Bebidas').check();
    await expect
      .poll(() => page.getByTestId('save-status').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('saved');
    const saved = await page.request.get(`/api/flows/${flow.id}`);
    const doc = (await saved.json()) as {
      flow: { draft: { nodes: { id: string; data: { categoryIds?: string[] } }[] } };
    };
    expect(doc.flow.draft.nodes.find((n) => n.id === 'pp')?.data.categoryIds).toEqual([bebidas.id]);
    expect(pizzas.id).not.toBe(bebidas.id);

    await page.getByTestId('open-simulator').click();
    const sim = simulatorPanel(page);
    await typeInSimulator(page, 'oi');
    await sim.getByTestId('sim-button').filter({ hasText: 'Bebidas' }).last().click();
    await sim.getByTestId('sim-button').filter({ hasText: 'Suco de caju' }).last().click();
    const card = sim.getByTestId('sim-media').last();
    await expect.poll(() => card.locator('img').getAttribute('src')).toMatch(/\/photos\/[\w-]+\.jpg$/);
    await expect.poll(() => card.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1200);
    expect(await card.innerText()).toContain('R$ 9,00');
  });
});

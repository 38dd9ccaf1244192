import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { benchFlow } from '../bench/flow.ts';
import { login, useBrowserPage } from './harness.ts';

/**
 * A big flow (above the editor's 150-node mark) opens far out. Once the studio has saved it
 * with each node's drawn size, it reopens with plain boxes of those sizes: the picture, the
 * view and every edge's ends must be the ones the full nodes give.
 */
const size = 220;
let page: Page;

useBrowserPage(async (opened) => {
  ({ page } = opened);
  await login(page);
});

const flow = benchFlow(size);
const edgeCount = flow.edges?.length ?? 0;

/** Waits until every node is drawn and every edge has its path, then reads the picture. */
async function picture(): Promise<{ viewport: string; paths: Record<string, string>; boxes: number; nodes: number }> {
  await expect.poll(() => page.locator('.react-flow__edge-path').count(), { timeout: 30_000 }).toBe(edgeCount);
  return page.evaluate(() => {
    const paths: Record<string, string> = {};
    for (const p of document.querySelectorAll('.react-flow__edge-path')) paths[p.id] = p.getAttribute('d') ?? '';
    const viewport = (document.querySelector('.react-flow__viewport') as HTMLElement).style.transform;
    const shown = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].filter((n) => n.style.visibility !== 'hidden');
    return { viewport, paths, boxes: document.querySelectorAll('.fx-node--box').length, nodes: shown.length };
  });
}

const numbers = (s: string) => (s.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);

/** Every number in two transforms, paired, differs by at most `tolerance`. */
function expectClose(actual: string, expected: string, tolerance = 0.5): void {
  const a = numbers(actual);
  const b = numbers(expected);
  expect(a.length, `${actual} vs ${expected}`).toBe(b.length);
  a.forEach((x, i) => expect(Math.abs(x - (b[i] ?? NaN)), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance));
}

/** Where an edge path starts and ends (its handles), whatever way it bends between them. */
function ends(path: string): string {
  const n = numbers(path);
  return n.length >= 4 ? `${n[0]} ${n[1]} ${n[n.length - 2]} ${n[n.length - 1]}` : `no path: ${path}`;
}

describe('a big flow', () => {
  let flowPath = '';
  let drawn: Awaited<ReturnType<typeof picture>>;

  it('opens far out with every node and edge drawn in full, then saves each node with its size', async () => {
    const res = await page.request.post('/api/flows/import', { data: flow });
    expect(res.status()).toBe(201);
    const { flow: created } = await res.json() as { flow: { id: string } };
    flowPath = `/flows/${encodeURIComponent(created.id)}`;
    await page.goto(flowPath);
    const first = await picture();
    expect(first.nodes).toBe(size);
    expect(first.boxes).toBe(0);

    // Any edit saves the draft; auto layout moves every node, so the view is fitted again after.
    await page.getByRole('button', { name: 'Organizar automaticamente' }).click();
    const savedSizes = async () => {
      const saved = await (await page.request.get(`/api/flows/${created.id}`)).json() as { flow: { revision: number; draft: { nodes: { measured?: { width: number; height: number } }[] } } };
      return saved.flow.revision > 1 && saved.flow.draft.nodes.every((n) => n.measured !== undefined && n.measured.width > 0 && n.measured.height > 0);
    };
    await expect.poll(savedSizes, { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-status')).toBe('saved');
    await page.getByRole('button', { name: 'Ajustar à tela' }).click();
    await page.waitForTimeout(500);
    drawn = await picture();
  });

  it('reopens as boxes of the saved sizes, with the same view and the same edge ends', async () => {
    await page.goto('/flows');
    await page.goto(flowPath);
    const reopened = await picture();
    expect(reopened.nodes).toBe(size);
    expect(reopened.boxes).toBe(size);
    expectClose(reopened.viewport, drawn.viewport);
    expect(Object.keys(reopened.paths).sort()).toEqual(Object.keys(drawn.paths).sort());
    for (const [id, d] of Object.entries(drawn.paths)) expectClose(ends(reopened.paths[id] ?? ''), ends(d));
  });

  it('draws the nodes in full again when zoomed in, their handles where the boxes had them', async () => {
    const box = await page.getByTestId('flow-canvas').boundingBox();
    if (!box) throw new Error('no canvas');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -800);
    await expect.poll(() => page.locator('.fx-node--box').count()).toBe(0);
    await expect.poll(() => page.locator('.fx-node__title').count()).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    const near = await page.evaluate(() => {
      const paths: Record<string, string> = {};
      for (const p of document.querySelectorAll('.react-flow__edge-path')) paths[p.id] = p.getAttribute('d') ?? '';
      return paths;
    });
    const ids = Object.keys(near);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expectClose(ends(near[id] ?? ''), ends(drawn.paths[id] ?? ''));
  });
});

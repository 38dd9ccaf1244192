import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { benchFlow } from '../bench/flow.ts';
import { login, useBrowserPage } from './harness.ts';

/**
 * A big flow (above the editor's 150-node mark) opens far out with its nodes drawn as plain
 * boxes, as tall as their faces should be (studio/nodes/face-height.ts). Once the studio has
 * saved it with each node's drawn size, it reopens with boxes of those sizes: the picture, the
 * view and every edge's ends must be the ones it had when saved.
 */
const size = 220;
let page: Page;

useBrowserPage(async (opened) => {
  ({ page } = opened);
  await login(page);
});

const flow = benchFlow(size);
const edgeCount = flow.edges?.length ?? 0;

interface Picture {
  viewport: string;
  paths: Record<string, string>;
  heights: Record<string, number>;
  /** Per node, its handles' centres relative to the node's corner, unscaled, as React Flow measures them. */
  handles: Record<string, Record<string, [number, number]>>;
  boxes: number;
  nodes: number;
}

/** Reads what is drawn: viewport, edge paths, node heights and handles (visible nodes only). */
function read(): Promise<Picture> {
  return page.evaluate(() => {
    const paths: Record<string, string> = {};
    for (const p of document.querySelectorAll('.react-flow__edge-path')) paths[p.id] = p.getAttribute('d') ?? '';
    const viewport = (document.querySelector('.react-flow__viewport') as HTMLElement).style.transform;
    const zoom = Number(/scale\(([\d.]+)\)/.exec(viewport)?.[1] ?? NaN);
    const shown = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].filter(
      (n) => n.style.visibility !== 'hidden',
    );
    const heights = Object.fromEntries(shown.map((n) => [n.dataset.id ?? '', n.offsetHeight]));
    const handles = Object.fromEntries(
      shown.map((n) => {
        const corner = n.getBoundingClientRect();
        return [
          n.dataset.id ?? '',
          Object.fromEntries(
            [...n.querySelectorAll<HTMLElement>('.react-flow__handle')].map((h) => {
              const r = h.getBoundingClientRect();
              const centre: [number, number] = [
                (r.left + r.width / 2 - corner.left) / zoom,
                (r.top + r.height / 2 - corner.top) / zoom,
              ];
              return [h.dataset.handleid ?? 'in', centre];
            }),
          ),
        ];
      }),
    );
    return {
      viewport,
      paths,
      heights,
      handles,
      boxes: document.querySelectorAll('.fx-node--box').length,
      nodes: shown.length,
    };
  });
}

/** Waits until every node is drawn and every edge has its path, then reads the picture. */
async function picture(): Promise<Picture> {
  await expect.poll(() => page.locator('.react-flow__edge-path').count(), { timeout: 30_000 }).toBe(edgeCount);
  return read();
}

/** How the edges leaving `invalid` outputs are stroked: the colour or pattern, and the pattern's stripe colour. */
function invalidEdgeStrokes(): Promise<{ strokes: string[]; stripe: string | null }> {
  return page.evaluate(() => {
    const strokes = [...document.querySelectorAll('.fx-edge--invalid')].map((e) => getComputedStyle(e).stroke);
    const stripe = document.querySelector('#fx-dash-invalid rect');
    return { strokes: [...new Set(strokes)], stripe: stripe ? getComputedStyle(stripe).fill : null };
  });
}
const invalidColour = 'rgb(220, 104, 3)';

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

/** The handles of node `id` that the flow's edges use, as `read` names them (`in` for the input). */
function linkedHandles(id: string): Set<string> {
  const linked = new Set<string>();
  for (const e of flow.edges ?? []) {
    if (e.source === id) linked.add(e.sourceHandle ?? 'next');
    if (e.target === id) linked.add('in');
  }
  return linked;
}

/** Drags from an output no edge uses to empty canvas: the picker of the next node opens. */
async function expectConnectionFromUnusedOutput(): Promise<void> {
  const handles = page.locator('.react-flow__node .react-flow__handle.source');
  const canvasBox = await page.getByTestId('flow-canvas').boundingBox();
  if (!canvasBox) throw new Error('no canvas');
  const candidates = await handles.evaluateAll(
    (all, edges) =>
      all.map((h) => {
        const el = h as HTMLElement;
        const node = el.dataset.nodeid ?? '';
        const handle = el.dataset.handleid ?? 'next';
        const r = el.getBoundingClientRect();
        const taken = edges.some((e) => e.source === node && (e.sourceHandle ?? 'next') === handle);
        return { taken, x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }),
    (flow.edges ?? []).map((e) => ({ source: e.source, sourceHandle: e.sourceHandle })),
  );
  const inside = (c: { x: number; y: number }) =>
    c.x > canvasBox.x + 80 &&
    c.x < canvasBox.x + canvasBox.width - 80 &&
    c.y > canvasBox.y + 80 &&
    c.y < canvasBox.y + canvasBox.height - 80;
  const start = candidates.find((c) => !c.taken && inside(c));
  if (!start) throw new Error('no unused output on screen');
  const drop = await page.evaluate(({ x, y }) => {
    for (let d = 60; d < 400; d += 20)
      for (let a = 0; a < 16; a++) {
        const px = x + d * Math.cos((a * Math.PI) / 8),
          py = y + d * Math.sin((a * Math.PI) / 8);
        if (document.elementFromPoint(px, py)?.classList.contains('react-flow__pane')) return { x: px, y: py };
      }
    return null;
  }, start);
  if (!drop) throw new Error('no empty canvas near the output');
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + drop.x) / 2, (start.y + drop.y) / 2, { steps: 6 });
  await page.mouse.move(drop.x, drop.y, { steps: 6 });
  await page.mouse.up();
  const picker = page.getByRole('dialog', { name: 'Conectar a um novo bloco' });
  await picker.waitFor();
  await page.keyboard.press('Escape');
  await picker.waitFor({ state: 'detached' });
}

async function zoomInAtCentre(): Promise<void> {
  const box = await page.getByTestId('flow-canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -800);
  await expect.poll(() => page.locator('.fx-node--box').count()).toBe(0);
  await expect.poll(() => page.locator('.fx-node__title').count()).toBeGreaterThan(0);
  await page.waitForTimeout(500);
}

describe('a big flow', () => {
  let flowId = '';
  let far: Picture;
  let saved: Picture;

  it('opens far out, every node a box and every edge drawn', async () => {
    const res = await page.request.post('/api/flows/import', { data: flow });
    expect(res.status()).toBe(201);
    flowId = ((await res.json()) as { flow: { id: string } }).flow.id;
    await page.goto(`/flows/${encodeURIComponent(flowId)}`);
    far = await picture();
    expect(far.nodes).toBe(size);
    expect(far.boxes).toBe(size);
    expect(numbers(far.viewport)[2]).toBeLessThan(0.3);
    // Far out a dash would be under a pixel: edges from `invalid` are drawn solid, in its colour.
    expect(await invalidEdgeStrokes()).toEqual({ strokes: [invalidColour], stripe: invalidColour });
    // Problem badges (validation runs once the flow is on screen) sit on top of the boxes' tint.
    await expect.poll(() => page.locator('.fx-node--box .fx-badge').count()).toBeGreaterThan(0);
    const badgesOnTop = await page.evaluate(() =>
      [...document.querySelectorAll('.fx-node--box .fx-badge')].slice(0, 20).every((badge) => {
        const r = badge.getBoundingClientRect();
        return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.closest('.fx-badge') === badge;
      }),
    );
    expect(badgesOnTop).toBe(true);
  });

  it('draws the nodes in full when zoomed in, each as tall as its box give or take a line', async () => {
    await zoomInAtCentre();
    const near = await read();
    const ids = Object.keys(near.heights);
    expect(ids.length).toBeGreaterThan(3);
    const off = ids.map((id) => Math.abs((near.heights[id] ?? 0) - (far.heights[id] ?? NaN)));
    for (const d of off) expect(d).toBeLessThanOrEqual(20);
    expect(off.filter((d) => d <= 1).length / off.length).toBeGreaterThanOrEqual(0.9);
    // A box draws the handles its edges use, where the full node has them: same height, same places.
    const sameHeight = ids.filter((id) => near.heights[id] === far.heights[id]);
    expect(sameHeight.length).toBeGreaterThan(3);
    let leftOut = 0;
    for (const id of sameHeight) {
      const nearHandles = near.handles[id] ?? {};
      const farHandles = far.handles[id] ?? {};
      expect(Object.keys(farHandles).sort(), id).toEqual([...linkedHandles(id)].sort());
      for (const [handle, [fx, fy]] of Object.entries(farHandles)) {
        const [x, y] = nearHandles[handle] ?? [NaN, NaN];
        expect(Math.hypot(x - fx, y - fy), `${id} ${handle}`).toBeLessThanOrEqual(0.5);
      }
      leftOut += Object.keys(nearHandles).length - Object.keys(farHandles).length;
    }
    expect(leftOut).toBeGreaterThan(0);
    // The handles the boxes left out are measured once drawn: a connection starts from one.
    await expectConnectionFromUnusedOutput();
    // Near, they are dashed: stroked with the striped pattern in the same colour (EdgeDashes.tsx).
    expect(await invalidEdgeStrokes()).toEqual({ strokes: ['url("#fx-dash-invalid")'], stripe: invalidColour });
  });

  it('saves each node with the size it was drawn at', async () => {
    // Any edit saves the draft; auto layout moves every node, so the view is fitted again after.
    await page.getByRole('button', { name: 'Ajustar à tela' }).click();
    await page.getByRole('button', { name: 'Organizar automaticamente' }).click();
    const savedSizes = async () => {
      const body = (await (await page.request.get(`/api/flows/${flowId}`)).json()) as {
        flow: { revision: number; draft: { nodes: { measured?: { width: number; height: number } }[] } };
      };
      return (
        body.flow.revision > 1 &&
        body.flow.draft.nodes.every((n) => n.measured !== undefined && n.measured.width > 0 && n.measured.height > 0)
      );
    };
    await expect.poll(savedSizes, { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-status')).toBe('saved');
    await page.getByRole('button', { name: 'Ajustar à tela' }).click();
    await page.waitForTimeout(500);
    saved = await picture();
    expect(saved.boxes).toBe(size);
  });

  it('reopens as boxes of the saved sizes, with the same view and the same edge ends', async () => {
    await page.goto('/flows');
    await page.goto(`/flows/${encodeURIComponent(flowId)}`);
    const reopened = await picture();
    expect(reopened.nodes).toBe(size);
    expect(reopened.boxes).toBe(size);
    expectClose(reopened.viewport, saved.viewport);
    expect(reopened.heights).toEqual(saved.heights);
    expect(Object.keys(reopened.paths).sort()).toEqual(Object.keys(saved.paths).sort());
    for (const [id, d] of Object.entries(saved.paths)) expectClose(ends(reopened.paths[id] ?? ''), ends(d));
  });
});

/**
 * `npm run bench:studio`: how fast a 500-node flow opens and pans in Fluxo's editor, next to
 * a bare React Flow page drawing the same graph with default nodes and edges.
 *
 * Both pages are production builds (Vite, into .tmp/studio-bench), each built as an app of its
 * own (see `buildPages`), served on 127.0.0.1 and opened in Debian's Chromium (software
 * rendering) at 1920×1080. Both pages get the flow as
 * the API's JSON (see `servedFlow`) and parse it the same way. For each page and run:
 *   - first draw: navigation start → the frame after all nodes are in the DOM and visible, all
 *     edges drawn, and the view fitted to the screen (see probe.ts). The flow fits at zoom
 *     ~0.13, so with `onlyRenderVisibleElements` all 500 are rendered there too. The editor
 *     opens the flow twice: new (no node sizes: a template, an import) and saved (as the studio
 *     saves it once it has drawn it, each node with its size);
 *   - panels: navigation start → the frame after the editor's palette has its buttons (a big
 *     flow's panels are filled in after its first picture, see FlowEditor.tsx);
 *   - pan fps: animation frames per second during a 3 s mouse drag on the empty pane
 *     (a Lissajous path, events sent as fast as the page takes them), at the fitted zoom
 *     and at zoom 1 (reached with one wheel event around the middle of the canvas).
 * Runs are interleaved (every page once per round, each round starting with the next page),
 * so a machine that slows down for a while slows all pages alike. The table shows medians and,
 * beside each measure, the median of its ratios to the bare page's in the same round (below 1
 * is faster for first draw, slower for fps) with its 90% bootstrap interval (where that median
 * would likely land if the rounds were run again, see stats.ts); the bare page measured a
 * second time shows how far those ratios stray from 1.00 by chance. Options: --runs N
 * (default 3), --nodes N (default 500), --only NAME.
 */
import react from '@vitejs/plugin-react';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type Plugin } from 'vite';
import { flowDocument } from '../../shared/flow/schema.ts';
import { benchFlow } from './flow.ts';
import { probeScript } from './probe.ts';
import { median, medianInterval } from './stats.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = join(here, '..', '..', '.tmp', 'studio-bench');
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // The browser's own omnibox popup (a WebUI page of ~20 scripts) otherwise loads in some new
  // windows, at random, on the same two cores as the page being measured.
  '--disable-features=WebUIOmniboxPopup',
];
const panMs = 3000;

const pages = [
  { name: 'fluxo', label: 'Fluxo editor, new flow', path: 'editor.html' },
  { name: 'fluxo-saved', label: 'Fluxo editor, saved flow', path: 'editor.html' },
  { name: 'bare', label: 'bare React Flow', path: 'bare.html' },
  // The same page again: how far from 1.00 its ratios stray is the noise of this measurement.
  { name: 'bare-again', label: 'bare React Flow again (control)', path: 'bare.html' },
  { name: 'bare-visible', label: 'bare + onlyRenderVisibleElements', path: 'bare.html?visible=1' },
] as const;

interface Sample {
  drawnMs: number;
  panelsMs: number;
  fitZoom: number;
  fitFps: number;
  fitWorst: number;
  zoom1Fps: number;
  zoom1Worst: number;
  zoom1Nodes: number;
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : (process.argv[at + 1] ?? fallback);
}

/**
 * The flow as FlowPage gets it: the server's JSON answer, already parsed with defaults by the
 * server (the studio trusts answers and does not parse them again, see studio/api/client.ts),
 * embedded in both pages so neither waits for a request.
 */
function servedFlow(nodes: number): Plugin {
  const id = 'virtual:bench-served-flow';
  return {
    name: 'bench-served-flow',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load: (source) =>
      source === `\0${id}`
        ? `export default ${JSON.stringify(JSON.stringify(flowDocument.parse(benchFlow(nodes))))};`
        : null,
  };
}

/**
 * Each page is built on its own, as an app of its own: one build for both would put the code
 * they share (React, React Flow, the flow generator) in a chunk of its own and make each page
 * load two files where an app loads one.
 */
async function buildPages(nodes: number): Promise<void> {
  for (const [i, page] of ['editor', 'bare'].entries()) {
    await build({
      configFile: false,
      root: here,
      base: './',
      logLevel: 'warn',
      plugins: [react(), servedFlow(nodes)],
      build: {
        outDir,
        emptyOutDir: i === 0,
        chunkSizeWarningLimit: 4000,
        rolldownOptions: { input: { [page]: join(here, `${page}.html`) } },
      },
    });
  }
}

/** Drags the empty pane along a figure-of-eight for `panMs`, counting frames in the page. */
async function pan(page: Page): Promise<{ fps: number; worst: number }> {
  const start = (await page.evaluate('__bench.panePoint()')) as { x: number; y: number } | null;
  if (!start) throw new Error('no empty pane to drag from');
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.evaluate('__bench.startFrames()');
  const t0 = performance.now();
  for (let t = 0; t < panMs; t = performance.now() - t0) {
    const phase = (2 * Math.PI * t) / 1500;
    await page.mouse.move(start.x + 260 * Math.sin(phase), start.y + 140 * Math.sin(phase / 2));
  }
  const result = (await page.evaluate('__bench.stopFrames()')) as { fps: number; worst: number };
  await page.mouse.up();
  return result;
}

/** One wheel event sized so React Flow's zoom (2^(-deltaY·0.002)) lands on 1, then a correction. */
async function zoomToOne(page: Page): Promise<number> {
  const box = (await page.evaluate('__bench.canvas()')) as { x: number; y: number; width: number; height: number };
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 4; i++) {
    const zoom = (await page.evaluate('__bench.zoom()')) as number;
    if (Math.abs(zoom - 1) < 0.01) break;
    await page.mouse.wheel(0, Math.log2(zoom) / 0.002);
    await page.waitForTimeout(300);
  }
  return (await page.evaluate('__bench.zoom()')) as number;
}

/**
 * The served flow as the studio saves it after drawing it once, each node with its size:
 * taken from one opening of the editor page (the sizes React Flow measured, read from the DOM).
 */
async function savedFlow(browser: Browser, url: string, nodes: number, edges: number): Promise<string> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: probeScript(nodes, edges) });
    await page.goto(url);
    await page.waitForFunction('window.__bench && window.__bench.drawnAt !== null', null, {
      timeout: 60_000,
      polling: 100,
    });
    return (await page.evaluate('__bench.savedFlow(window.__servedFlow)')) as string;
  } finally {
    await context.close();
  }
}

async function measure(
  browser: Browser,
  url: string,
  nodes: number,
  edges: number,
  saved: string | null,
): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    const page = await context.newPage();
    if (saved) await page.addInitScript({ content: `window.__savedFlow = ${JSON.stringify(saved)};` });
    await page.addInitScript({ content: probeScript(nodes, edges) });
    await page.goto(url);
    await page.waitForFunction('window.__bench && window.__bench.drawnAt !== null', null, {
      timeout: 60_000,
      polling: 100,
    });
    const drawnMs = (await page.evaluate('__bench.drawnAt')) as number;
    // Let what follows the first paint (panels, validation, measuring) finish before panning.
    await page.waitForTimeout(1500);
    const panelsMs = ((await page.evaluate('__bench.panelsAt')) as number | null) ?? NaN;
    const fitZoom = (await page.evaluate('__bench.zoom()')) as number;
    const fit = await pan(page);
    const zoom = await zoomToOne(page);
    if (Math.abs(zoom - 1) > 0.02) throw new Error(`could not zoom to 1 (at ${zoom})`);
    await page.waitForTimeout(500);
    const zoom1Nodes = (await page.evaluate('__bench.nodeCount()')) as number;
    const one = await pan(page);
    return {
      drawnMs,
      panelsMs,
      fitZoom,
      fitFps: fit.fps,
      fitWorst: fit.worst,
      zoom1Fps: one.fps,
      zoom1Worst: one.worst,
      zoom1Nodes,
    };
  } finally {
    await context.close();
  }
}

async function main() {
  const runs = Number(option('runs', '3'));
  const nodes = Number(option('nodes', '500'));
  const only = option('only', '');
  await buildPages(nodes);
  const server = await preview({
    configFile: false,
    root: here,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 4789, strictPort: false },
  });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('preview server has no address');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  const rows: string[][] = [];
  const edges = benchFlow(nodes).edges?.length ?? 0;
  const measured = pages.filter((x) => !only || x.name === only);
  const samples = new Map<string, Sample[]>(measured.map((p) => [p.name, []]));
  const url = (path: string) => `${base}${path}`;
  try {
    const saved = measured.some((p) => p.name === 'fluxo-saved')
      ? await savedFlow(browser, url('editor.html'), nodes, edges)
      : null;
    for (let i = 0; i < runs; i++) {
      // Each round starts with another page, so no page is always the one after a restart.
      for (const p of [...measured.slice(i % measured.length), ...measured.slice(0, i % measured.length)]) {
        samples
          .get(p.name)
          ?.push(await measure(browser, url(p.path), nodes, edges, p.name === 'fluxo-saved' ? saved : null));
      }
    }
    const bare = samples.get('bare') ?? [];
    for (const p of measured) {
      const taken = samples.get(p.name) ?? [];
      const m = (k: keyof Sample) => median(taken.map((s) => s[k]));
      // Against the bare page of the same round: the machine's slow spells cancel out.
      const vsBare = (k: keyof Sample) => {
        if (bare.length !== taken.length) return '—';
        const ratios = taken.map((s, i) => s[k] / (bare[i]?.[k] ?? NaN));
        const { low, high } = medianInterval(ratios);
        return `${median(ratios).toFixed(2)} (${low.toFixed(2)}–${high.toFixed(2)})`;
      };
      rows.push([
        p.label,
        m('drawnMs').toFixed(0),
        vsBare('drawnMs'),
        Number.isNaN(m('panelsMs')) ? '—' : m('panelsMs').toFixed(0),
        m('fitZoom').toFixed(2),
        m('fitFps').toFixed(1),
        vsBare('fitFps'),
        m('fitWorst').toFixed(0),
        m('zoom1Fps').toFixed(1),
        vsBare('zoom1Fps'),
        m('zoom1Worst').toFixed(0),
        m('zoom1Nodes').toFixed(0),
      ]);
      console.log(
        `${p.label}: ${taken.map((s) => `${s.drawnMs.toFixed(0)} ms, ${s.fitFps.toFixed(1)}/${s.zoom1Fps.toFixed(1)} fps`).join(' | ')}`,
      );
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
  const head = [
    'page',
    'first draw ms',
    '× bare',
    'panels ms',
    'fit zoom',
    'fps fit',
    '× bare',
    'worst ms',
    'fps zoom 1',
    '× bare',
    'worst ms',
    'nodes in DOM at 1',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (r: string[]) =>
    `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  console.log(
    `\n${nodes} nodes, median of ${runs} run(s), 1920×1080, Chromium software rendering; × bare: median ratio to the bare page of the same round (90% bootstrap interval)\n`,
  );
  console.log([line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
}

await main();

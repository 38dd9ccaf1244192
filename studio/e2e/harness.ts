import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { readSourcesStamp, studioSourcesHash } from '../../server/studio-sources.ts';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const screenshotsDir = join(root, 'docs', 'screenshots');
export const admin = { email: 'admin@fluxo.test', password: 'fluxo-e2e-password' };

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Builds the studio unless `dist/studio` was built from the current sources (the server's own check). */
export function buildStudio(): void {
  const dist = join(root, 'dist', 'studio');
  if (existsSync(join(dist, 'index.html')) && readSourcesStamp(dist) === studioSourcesHash(root)) return;
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(
  baseUrl: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer /healthz within ${timeoutMs} ms:\n${output()}`);
}

export interface Harness {
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (own cookies and downloads) with one page. */
  newPage(): Promise<{ context: BrowserContext; page: Page }>;
  stop(): Promise<void>;
}

/**
 * The real thing: built studio, `server/main.ts` on a free port with a fresh data dir, Debian's Chromium.
 * `env` adds server settings, e.g. `WHATSAPP_GRAPH_URL` pointing at a fake Graph API.
 */
export async function startHarness({ env = {} }: { env?: Record<string, string> } = {}): Promise<Harness> {
  buildStudio();
  mkdirSync(screenshotsDir, { recursive: true });
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'fluxo-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const server = spawn('npx', ['tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      FLUXO_LOG: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  server.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });

  const stopServer = async () => {
    if (server.exitCode !== null || server.pid === undefined) return;
    const exited = new Promise((r) => server.once('exit', r));
    // npx starts tsx which starts node: signal the whole group.
    process.kill(-server.pid, 'SIGTERM');
    const timer = setTimeout(() => server.pid && process.kill(-server.pid, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };

  try {
    await waitForHealth(baseUrl, server, () => log, 120_000);
  } catch (error) {
    await stopServer();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs });
  return {
    baseUrl,
    browser,
    async newPage() {
      const context = await browser.newContext({
        baseURL: baseUrl,
        viewport: { width: 1600, height: 960 },
        acceptDownloads: true,
        locale: 'pt-BR',
      });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      page.on('pageerror', (error) => {
        log += `\n[pageerror] ${error.message}`;
      });
      return { context, page };
    },
    async stop() {
      await browser.close();
      await stopServer();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What the browser showed when a test failed, for the person reading the failure. */
export async function saveFailureScreenshot(page: Page, testName: string): Promise<void> {
  const dir = join(tmpdir(), 'fluxo-e2e-failures');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${testName.replace(/[^\w-]+/g, '-').slice(0, 80)}.png`);
  await page.screenshot({ path }).catch(() => undefined);
  console.error(`screenshot of the failure: ${path}`);
}

/**
 * One server and one browser page for a whole test file: started before its tests (then
 * `onReady` runs, e.g. to sign in), a screenshot kept when a test fails, closed after.
 * `env`, read when the server starts, adds its settings.
 */
export function useBrowserPage(
  onReady: (opened: { harness: Harness; context: BrowserContext; page: Page }) => void | Promise<void>,
  env: () => Record<string, string> = () => ({}),
): void {
  let harness: Harness | undefined;
  let opened: { context: BrowserContext; page: Page } | undefined;
  beforeAll(async () => {
    harness = await startHarness({ env: env() });
    opened = await harness.newPage();
    await onReady({ harness, ...opened });
  });
  afterEach(async ({ task }) => {
    if (opened && task.result?.state === 'fail') await saveFailureScreenshot(opened.page, task.name);
  });
  afterAll(async () => {
    await opened?.context.close();
    await harness?.stop();
  });
}

/** Signs in through the login form, as a person would. */
export async function login(page: Page, credentials = admin): Promise<void> {
  await page.goto('/');
  await page.getByLabel('E-mail').fill(credentials.email);
  await page.getByLabel('Senha').fill(credentials.password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.getByRole('navigation', { name: 'Navegação principal' }).waitFor();
}

/** Clicks a link of the main nav, opening "Mais" first when the bar folded it there (the bar shows what fits). */
export async function clickNav(page: Page, name: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: /^(Navegação principal|Main navigation)$/ });
  const link = nav.getByRole('link', { name, exact: true });
  const folded = !(await link.isVisible());
  if (folded) {
    const more = nav.getByRole('button', { name: /^(Mais|More)/ });
    if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
  }
  await link.click();
  // The "Mais" list stays open over the page until Esc (or a click elsewhere).
  if (folded) await page.keyboard.press('Escape');
}

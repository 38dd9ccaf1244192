import type { Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, useBrowserPage } from './harness.ts';

/** The studio under its Content-Security-Policy: headers present, and nothing it does is blocked. */
let page: Page;
const violations: string[] = [];
const workers: Worker[] = [];

useBrowserPage(async (opened) => {
  ({ page } = opened);
  // Every refusal reaches the document as an event; the worker's reach the console.
  await opened.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`[csp] ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (/\[csp\]|Content Security Policy/.test(message.text())) violations.push(message.text());
  });
  page.on('worker', (worker) => {
    workers.push(worker);
    worker.on('console', (message) => {
      if (/Content Security Policy/.test(message.text())) violations.push(`[worker] ${message.text()}`);
    });
  });
  await login(page);
});

describe('security headers', () => {
  it('sends a CSP that forbids framing, plus nosniff and no referrer, with the studio page', async () => {
    const res = await page.request.get('/flows');
    const csp = res.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
    expect(res.headers()['referrer-policy']).toBe('no-referrer');
    expect(res.headers()['x-frame-options']).toBe('DENY');
    const api = await page.request.get('/api/auth/me');
    expect(api.headers()['content-security-policy']).toBe(csp);
  });

  it('runs the editor (validation worker, auto layout) and the simulator without a CSP violation', async () => {
    const created = await page.request.post('/api/flows', { data: { name: 'CSP', templateId: 'imobiliaria' } });
    expect(created.status()).toBe(201);
    const { flow } = (await created.json()) as { flow: { id: string } };
    await page.goto(`/flows/${flow.id}`);
    const canvas = page.getByTestId('flow-canvas');
    await expect.poll(() => canvas.locator('.react-flow__node').count()).toBeGreaterThan(3);
    // Publishing waits for the validation worker's answer.
    await expect.poll(() => page.getByTestId('publish-button').getAttribute('aria-disabled')).toBe('false');
    await page.getByRole('button', { name: 'Organizar automaticamente' }).click();
    await page.getByTestId('open-simulator').click();
    const sim = page.getByTestId('simulator');
    await expect.poll(() => sim.getByTestId('sim-chat').innerText()).not.toBe('');
    expect(violations).toEqual([]);
    // The validation worker runs under its own script's policy (the same one), with zod told not
    // to try eval there either. (Evaluating `new Function` from the test proves nothing: DevTools
    // evaluation is exempt from CSP.)
    const validation = workers.find((w) => w.url().includes('validation.worker'));
    expect(validation).toBeDefined();
    const script = await page.request.get(validation!.url());
    expect(script.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(
      await validation!.evaluate(
        () => (globalThis as { __zod_globalConfig?: { jitless?: boolean } }).__zod_globalConfig?.jitless,
      ),
    ).toBe(true);
  });
});

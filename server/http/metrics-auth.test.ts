import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../env.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

const metricsToken = 'prometheus-scrape-token-1';
let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const scrape = (app: TestApp['app'], authorization?: string) =>
  app.request('/metrics', { headers: authorization ? { authorization } : {} });

describe('/metrics', () => {
  it('answers only the METRICS_TOKEN bearer when it is set', async () => {
    t = await createTestApp({ config: readConfig({ DATA_DIR: '/nonexistent', METRICS_TOKEN: metricsToken }) });
    const anonymous = await scrape(t.app);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(await anonymous.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    expect((await scrape(t.app, `Bearer ${metricsToken}x`)).status).toBe(401);
    expect((await scrape(t.app, 'Bearer prometheus')).status).toBe(401);
    // An admin API token is not the metrics token.
    expect((await t.as('admin').request('GET', '/metrics')).status).toBe(401);
    const ok = await scrape(t.app, `Bearer ${metricsToken}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/^fluxo_handoffs_open 0$/m);
  });

  it('is off (404, nothing counted) when METRICS_TOKEN is not set', async () => {
    t = await createTestApp();
    const res = await scrape(t.app, 'Bearer anything-at-all-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'metrics_disabled' } });
  });

  it('refuses a METRICS_TOKEN too short to be a secret', () => {
    expect(() => readConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN must be at least 16 characters/);
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, useBrowserPage } from './harness.ts';
import { expectNoHorizontalScroll, phoneViewport } from './phone.ts';

/** The Meta catalog panel's "Sincronizar automaticamente", saved through `PUT /api/catalogs/:id/meta`. */
let page: Page;

useBrowserPage(async (opened) => {
  ({ page } = opened);
  await login(page);
});

const stored = async () => {
  const res = await page.request.get('/api/catalogs/default/meta');
  return ((await res.json()) as { link: { autoSync: boolean } | null }).link;
};

describe('the Meta catalog panel', () => {
  it('links with auto-sync on, and the checkbox alone turns it off once linked', async () => {
    await page.goto('/catalog');
    const panel = page.getByTestId('meta-catalog-panel');
    await panel.locator('summary').click();
    await panel.getByLabel('ID do catálogo na Meta', { exact: true }).fill('730000000000009');
    const auto = panel.getByRole('checkbox', { name: 'Sincronizar automaticamente', exact: true });
    await auto.check();
    await panel.getByRole('button', { name: 'Vincular', exact: true }).click();
    await expect.poll(async () => (await stored())?.autoSync).toBe(true);
    await expect.poll(() => panel.getByRole('button', { name: 'Desvincular', exact: true }).count()).toBe(1);

    await auto.uncheck();
    await expect.poll(async () => (await stored())?.autoSync).toBe(false);
    expect(await auto.isChecked()).toBe(false);

    // The checkbox fits the panel on a phone.
    await page.setViewportSize(phoneViewport);
    await expectNoHorizontalScroll(page);
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, useBrowserPage } from './harness.ts';

/** The studio's default language (Configurações) applies until a person picks one in this browser. */
let page: Page;
useBrowserPage(async (opened) => {
  ({ page } = opened);
  await login(page);
});

const nav = () => page.getByRole('navigation').first();

describe('studio language', () => {
  it('shows the default language of the settings to a user who has not chosen one here', async () => {
    await nav().getByRole('link', { name: 'Conversas' }).waitFor();
    const status = await page.evaluate(async () => {
      const res = await fetch('/api/settings', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ language: 'en' }),
      });
      return res.status;
    });
    expect(status).toBe(200);
    await page.reload();
    await nav().getByRole('link', { name: 'Conversations' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it("keeps the person's own choice over the default, across reloads", async () => {
    await page.locator('select.locale-select').first().selectOption('pt-BR');
    await nav().getByRole('link', { name: 'Conversas' }).waitFor();
    await page.reload();
    await nav().getByRole('link', { name: 'Conversas' }).waitFor();
    expect(await nav().getByRole('link', { name: 'Conversations' }).count()).toBe(0);
  });
});

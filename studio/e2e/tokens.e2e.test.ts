import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Harness, login, useBrowserPage, clickNav } from './harness.ts';

/** The API tokens section of the users page: create (secret shown once), last use, revoke. */
let harness: Harness;
let page: Page;

useBrowserPage(async (opened) => {
  ({ harness, page } = opened);
  await login(page);
});

const callApi = (secret: string) =>
  fetch(`${harness.baseUrl}/api/flows`, { headers: { authorization: `Bearer ${secret}` } });

describe('API tokens in the studio', () => {
  it('creates a token acting as the admin, shows its last use and expiry, and revokes it', async () => {
    await clickNav(page, 'Usuários');
    await page.getByRole('button', { name: 'Novo token' }).click();
    const dialog = page.getByTestId('token-form');
    await dialog.getByLabel('Nome').fill('integração ERP');
    await dialog.getByLabel('Expira em (opcional)').fill('2099-12-31');
    await dialog.getByRole('button', { name: 'Criar token' }).click();
    const secret = await dialog.getByRole('textbox', { name: 'Token' }).inputValue();
    expect(secret).toMatch(/^fx_/);
    await dialog.getByRole('button', { name: 'Fechar' }).first().click();
    await dialog.waitFor({ state: 'detached' });

    const row = page.getByTestId('tokens').getByRole('row', { name: /integração ERP/ });
    await expect.poll(() => row.innerText()).toContain('admin@fluxo.test');
    expect(await row.innerText()).toContain('Nunca usado');
    expect(await row.innerText()).toMatch(/31\/12\/2099/);

    expect((await callApi(secret)).status).toBe(200);
    await page.reload();
    await expect.poll(() => row.innerText()).not.toContain('Nunca usado');

    await row.getByRole('button', { name: 'Revogar integração ERP' }).click();
    await page.getByTestId('token-revoke').getByRole('button', { name: 'Revogar' }).click();
    await expect.poll(() => row.count()).toBe(0);
    expect((await callApi(secret)).status).toBe(401);
  });
});

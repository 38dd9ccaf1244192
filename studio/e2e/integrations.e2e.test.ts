import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../../server/testing/until.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../server/testing/webhook-receiver.ts';
import { login, saveFailureScreenshot, screenshotsDir, startHarness, type Harness } from './harness.ts';

/**
 * Configurações → Integrações: a webhook created in the studio (its secret shown once) receives a
 * signed event from a real server; the log shows it delivered, "Reenviar" sends it again; the
 * Chatwoot form saves without ever showing the token; the page fits a 390 px phone.
 */
let harness: Harness;
let receiver: WebhookReceiver;
let page: Page;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  harness = await startHarness({ env: { WEBHOOKS_ALLOW_PRIVATE: 'true' } });
  ({ page } = await harness.newPage());
  await login(page);
}, 240_000);
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await saveFailureScreenshot(page, task.name);
});
afterAll(async () => {
  await harness?.stop();
  await receiver?.close();
});

const noHorizontalScroll = () =>
  page.evaluate(() => {
    const main = document.querySelector('main');
    return (
      main instanceof HTMLElement &&
      main.scrollWidth <= main.clientWidth &&
      main.getBoundingClientRect().right <= window.innerWidth
    );
  });

describe('integrations', () => {
  it('creates a webhook, shows its secret once, logs a signed delivery, and sends it again', async () => {
    await page.goto('/settings');
    const section = page.getByTestId('event-webhooks');
    await section.getByRole('button', { name: 'Novo webhook' }).click();
    const form = page.getByTestId('new-event-webhook');
    await form.getByLabel('URL').fill(receiver.url);
    await form.getByLabel('Descrição').fill('ERP');
    await form.getByLabel('contact.opted_out').check();
    await form.getByRole('button', { name: 'Criar webhook' }).click();
    const secretBox = page.getByTestId('webhook-secret');
    receiver.secret = (await secretBox.locator('code').innerText()).trim();
    expect(receiver.secret).toMatch(/^whsec_/);
    await secretBox.getByRole('button', { name: 'Fechar' }).click();
    await page.reload();
    await page.getByTestId('event-webhook').waitFor();
    expect(await page.content()).not.toContain(receiver.secret);

    // Something happens: an operator marks a contact as opted out.
    const channel = await page.request.post('/api/channels', {
      data: {
        name: 'Loja',
        phoneNumberId: '106000000000991',
        accessToken: 'EAAG-integrations-e2e-token',
        appSecret: 'integrations-e2e-secret',
        verifyToken: 'integrations-e2e-verify',
      },
    });
    expect(channel.ok()).toBe(true);
    const imported = await page.request.post('/api/contacts/import', {
      data: { csv: 'name,phone\nBia Souza,5584991230000\n' },
    });
    expect(imported.ok()).toBe(true);
    const listed = (await (await page.request.get('/api/contacts')).json()) as { contacts: { id: string }[] };
    const contactId = listed.contacts[0]!.id;
    expect((await page.request.patch(`/api/contacts/${contactId}`, { data: { optedOut: true } })).ok()).toBe(true);
    await until('the event to arrive', () => receiver.accepted.length === 1, 20_000, 100);
    expect(receiver.badSignatures).toBe(0);
    expect(receiver.accepted[0]).toMatchObject({ type: 'contact.opted_out', data: { contactId, by: 'operator' } });

    const card = page.getByTestId('event-webhook');
    await card.getByRole('button', { name: 'Entregas' }).click();
    const delivery = page.getByTestId('delivery').first();
    await expect.poll(() => delivery.innerText()).toContain('entregue');
    await delivery.getByRole('button', { name: 'Reenviar' }).click();
    await until('the event to arrive again', () => receiver.accepted.length === 2, 20_000, 100);
    expect(receiver.accepted[1]!.id).toBe(receiver.accepted[0]!.id);
  });

  it('saves the Chatwoot connection without showing the token, and shows the webhook URL to paste', async () => {
    const form = page.getByTestId('chatwoot-form');
    await form.getByLabel('URL do Chatwoot').fill('https://chatwoot.example.com');
    await form.getByLabel('Id da conta').fill('1');
    await form.getByLabel('Id da caixa de entrada (API)').fill('3');
    await form.getByLabel('Token de acesso (administrador)').fill('cw-e2e-access-token-0123');
    await form.getByRole('button', { name: 'Salvar' }).click();
    await page.getByTestId('chatwoot-webhook-url').waitFor();
    expect(await page.getByTestId('chatwoot-webhook-url').innerText()).toMatch(/\/webhooks\/chatwoot\/[\w-]{20,}$/);
    await page.reload();
    await page.getByTestId('chatwoot-webhook-url').waitFor();
    expect(await page.content()).not.toContain('cw-e2e-access-token-0123');
  });

  it('fits a 390 px phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByTestId('event-webhook').getByRole('button', { name: 'Entregas' }).click();
    await page.getByTestId('delivery').first().waitFor();
    expect(await noHorizontalScroll()).toBe(true);
    await page.getByTestId('event-webhooks').screenshot({ path: join(screenshotsDir, 'integrations.png') });
  });
});

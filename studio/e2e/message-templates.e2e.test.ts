import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FakeGraph } from '../../server/testing/fake-graph-api.ts';
import { cobrancaTemplates } from '../../server/templates/fixtures.ts';
import { login, screenshotsDir, type Harness } from './harness.ts';
import { postJson, useBrowserPageWithGraph } from './whatsapp.ts';
import { horizontalOverflow, loginOnPhone, newPhonePage } from './phone.ts';

/** Modelos: templates synced from the fake Graph API on "Sincronizar", shown with status and preview, at phone width too. */
const number = { phoneNumberId: '106000000000518', displayPhone: '15550100518', wabaId: '102000000000518' };
const accessToken = 'EAAG-templates-e2e-token';

let fake: FakeGraph;
let harness: Harness;
let page: Page;

useBrowserPageWithGraph(accessToken, async (opened) => {
  ({ fake, harness, page } = opened);
  const pending = {
    ...cobrancaTemplates()[1]!,
    id: '77',
    name: 'boas_vindas',
    status: 'PENDING',
    quality_score: undefined,
  };
  fake.addTemplates(number.wabaId, [...cobrancaTemplates(), pending]);
  await login(page);
  await postJson(page.request, '/api/channels', {
    name: 'Cobrança Aurora',
    ...number,
    accessToken,
    appSecret: 'templates-e2e-app-secret',
    verifyToken: 'templates-e2e-verify',
  });
});

describe('message templates page', () => {
  const card = (name: string) => page.getByTestId('template-card').filter({ hasText: name });

  it('is empty until "Sincronizar" brings Meta\'s templates, with status, category, quality and preview', async () => {
    await page.getByRole('link', { name: 'Modelos' }).click();
    await page.getByRole('heading', { level: 1, name: 'Modelos de mensagem' }).waitFor();
    await page.getByText('Nenhum modelo ainda').waitFor();

    await page.getByRole('button', { name: 'Sincronizar' }).click();
    await expect.poll(() => page.getByTestId('templates-sync-result').innerText()).toBe('3 modelos recebidos da Meta.');
    expect(fake.requests.filter((r) => r.kind === 'templates')).toHaveLength(1);
    expect(await page.getByTestId('templates-channel').getByRole('heading').innerText()).toBe('Cobrança Aurora');

    const fatura = card('cobranca_fatura_atraso');
    expect(await fatura.getByTestId('template-status').innerText()).toBe('Aprovado');
    expect(await fatura.getByTestId('template-quality').innerText()).toBe('Qualidade: alta');
    expect(await fatura.innerText()).toContain('Utilidade');
    const preview = fatura.getByTestId('template-preview');
    expect(await preview.innerText()).toContain('Olá, {{nome}}! A fatura de R$ {{valor}}');
    expect(await preview.innerText()).toContain('Responda PARAR para não receber lembretes');
    expect(await preview.getByTestId('template-button').allInnerTexts()).toEqual([
      '↩ Vou pagar agora',
      '↩ Já paguei',
      '↩ Quero cancelar',
    ]);
    expect(await card('boas_vindas').getByTestId('template-status').innerText()).toBe('Em análise');
    await page.screenshot({ path: join(screenshotsDir, 'templates.png'), fullPage: true });
  });

  it('fits a 390 px phone without sideways scrolling', async () => {
    const phone = await newPhonePage(harness);
    try {
      await loginOnPhone(phone.page, { email: 'admin@fluxo.test', password: 'fluxo-e2e-password' });
      await phone.page.goto('/templates');
      await phone.page.getByTestId('template-card').first().waitFor();
      expect(await horizontalOverflow(phone.page)).toBeNull();
    } finally {
      await phone.context.close();
    }
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildFlow, node } from '../../shared/flow/testing/build-flow.ts';
import type { FakeGraph } from '../../server/testing/fake-graph-api.ts';
import { clickNav, login } from './harness.ts';
import { postJson, useBrowserPageWithGraph } from './whatsapp.ts';

/**
 * Issue 18 in the studio: a template written on Modelos goes to Meta (the fake Graph API) and
 * shows as in review; a question's "window closed" output is drawn from the inspector and the
 * simulator, with the window closed, follows it to a template.
 */
const number = { phoneNumberId: '106000000000618', displayPhone: '15550100618', wabaId: '102000000000618' };
const accessToken = 'EAAG-template-create-e2e';

let fake: FakeGraph;
let page: Page;

useBrowserPageWithGraph(accessToken, async (opened) => {
  ({ fake, page } = opened);
  fake.addTemplates(number.wabaId, []);
  await login(page);
  await postJson(page.request, '/api/channels', {
    name: 'Cobrança Aurora',
    ...number,
    accessToken,
    appSecret: 'template-create-e2e-secret',
    verifyToken: 'template-create-e2e-verify',
  });
});

describe('issue 18 in the studio', () => {
  it('creates a template from the form, previewed and checked, and sees it in review', async () => {
    await clickNav(page, 'Modelos');
    await page.getByRole('button', { name: 'Novo modelo' }).click();
    const form = page.getByTestId('template-form');
    await form.locator('input[name="name"]').fill('Lembrete Pagamento');
    await expect
      .poll(() => form.getByTestId('template-form-problem').allInnerTexts())
      .toContain('O nome usa só letras minúsculas, números e _ (ex.: lembrete_pagamento).');
    await form.locator('input[name="name"]').fill('lembrete_pagamento');
    await form
      .locator('textarea[name="body"]')
      .fill('Sua fatura de {{1}} vence amanhã. Qualquer dúvida, responda aqui.');
    await form.locator('input[name="example-1"]').fill('R$ 120,00');
    await form.getByRole('button', { name: '+ Resposta rápida' }).click();
    await form.getByLabel('Texto do botão').fill('Já paguei');
    await expect
      .poll(() => form.getByTestId('template-preview').innerText())
      .toContain('Sua fatura de R$ 120,00 vence amanhã.');
    expect(await form.getByTestId('template-button').allInnerTexts()).toEqual(['↩ Já paguei']);

    await form.getByRole('button', { name: 'Enviar para aprovação' }).click();
    const card = page.getByTestId('template-card').filter({ hasText: 'lembrete_pagamento' });
    await expect.poll(() => card.getByTestId('template-status').innerText()).toBe('Em análise');
    const call = fake.requests.find((r) => r.kind === 'templates' && r.method === 'POST');
    expect(call?.body).toMatchObject({
      name: 'lembrete_pagamento',
      language: 'pt_BR',
      category: 'UTILITY',
      components: [
        { type: 'BODY', example: { body_text: [['R$ 120,00']] } },
        { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Já paguei' }] },
      ],
    });
  });

  it("draws a question's window-closed output from the inspector and follows it in the simulator", async () => {
    const flow = buildFlow(
      [
        node('s', 'start', {}),
        node('q', 'question', { text: 'Qual seu CPF?', variable: 'cpf' }),
        node('tpl', 'message', {
          template: { name: 'pedir_cpf', language: 'pt_BR', preview: { body: 'Precisamos do seu CPF.' } },
        }),
      ],
      ['s > q'],
    );
    const { flow: created } = await postJson<{ flow: { id: string } }>(page.request, '/api/flows', {
      name: 'Janela fechada',
      flow,
    });
    await page.goto(`/flows/${created.id}`);
    const canvas = page.getByTestId('flow-canvas');
    await canvas.locator('.react-flow__node[data-id="q"]').click();
    await page.getByLabel('Quando a janela de 24 h estiver fechada').selectOption('output');
    // The node now shows the output; the inspector lists it to connect.
    await expect
      .poll(() => canvas.locator('.react-flow__node[data-id="q"]').innerText())
      .toContain('Janela de 24 h fechada');
    await page.getByTestId('output-targets').getByLabel('Janela de 24 h fechada').selectOption('tpl');

    await page.getByTestId('open-simulator').click();
    const sim = page.getByTestId('simulator');
    await sim.getByTestId('sim-window').getByRole('checkbox').check();
    await sim.getByRole('button', { name: 'Começar como campanha' }).click();
    await expect.poll(() => sim.getByTestId('sim-template').innerText()).toContain('Precisamos do seu CPF.');
    expect(await sim.getByTestId('sim-chat').innerText()).not.toContain('Qual seu CPF?');
  });
});

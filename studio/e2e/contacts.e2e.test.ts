import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { startFakeGraphApi, type FakeGraph } from '../../server/testing/fake-graph-api.ts';
import { messageWebhook } from '../../server/testing/webhook-payloads.ts';
import { login, saveFailureScreenshot, screenshotsDir, startHarness, type Harness } from './harness.ts';
import { deliverWebhook, postJson } from './whatsapp.ts';

/**
 * The contacts page with a contact made by a real signed WhatsApp delivery: the admin marks the
 * flow's `cidade` as a contact field, the contact answers, and the page finds them by name and by
 * the number typed as people type it, tags them, imports a CSV with a per-line report, and fits
 * a 390 px phone without scrolling sideways.
 */
const channel = { phoneNumberId: '106000000000888', displayPhone: '15550100888', wabaId: '102000000000888' };
const appSecret = 'contacts-e2e-app-secret';
const accessToken = 'EAAG-contacts-e2e-access-token';
const contact = { waId: '5584991237777', name: 'Marina Tavares' };

const cityFlow: FlowDocumentInput = {
  name: 'Cadastro de cidade',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'ask', type: 'message', position: { x: 0, y: 120 }, data: { text: 'Olá! De qual cidade você fala?' } },
    { id: 'wait', type: 'wait', position: { x: 0, y: 240 }, data: { durationMinutes: null, variable: 'cidade' } },
    { id: 'thanks', type: 'message', position: { x: 0, y: 360 }, data: { text: 'Obrigado, {{cidade}}!' } },
    { id: 'end', type: 'end', position: { x: 0, y: 480 }, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'ask' },
    { id: 'e2', source: 'ask', sourceHandle: 'next', target: 'wait' },
    { id: 'e3', source: 'wait', sourceHandle: 'reply', target: 'thanks' },
    { id: 'e4', source: 'wait', sourceHandle: 'timeout', target: 'thanks' },
    { id: 'e5', source: 'thanks', sourceHandle: 'next', target: 'end' },
  ],
};

let harness: Harness;
let fake: FakeGraph;
let session: { context: BrowserContext; page: Page };
let page: Page;
let seq = 0;

/** What the contact types on their phone, delivered as Meta would: escaped JSON signed with the app secret. */
async function contactSays(text: string): Promise<void> {
  await deliverWebhook(
    harness.baseUrl,
    appSecret,
    messageWebhook({
      ...channel,
      wamid: `wamid.contacts-e2e.${++seq}`,
      from: contact.waId,
      name: contact.name,
      timestamp: new Date(),
      text,
    }),
  );
}

/**
 * Nothing of the page (below the top bar) or of an open dialog reaches past the window's right
 * edge. The top bar is left out: its phone menu is another branch's work (wphone).
 */
const noSidewaysScroll = () =>
  page.evaluate(() => {
    const parts = [...document.querySelectorAll('.app-main *, dialog[open] *')];
    const outside = parts.filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1);
    return outside.map((el) => `${el.tagName.toLowerCase()}.${el.className}`).slice(0, 5);
  });

beforeAll(async () => {
  fake = await startFakeGraphApi({ expectedToken: accessToken });
  harness = await startHarness({ env: { WHATSAPP_GRAPH_URL: fake.url } });
  session = await harness.newPage();
  page = session.page;
  await login(page);
  const api = page.request;
  const { flow } = await postJson<{ flow: { id: string } }>(api, '/api/flows', { name: cityFlow.name, flow: cityFlow });
  await postJson(api, `/api/flows/${flow.id}/publish`, { note: 'contacts e2e' });
  await postJson(api, '/api/channels', {
    name: 'Loja',
    ...channel,
    accessToken,
    appSecret,
    verifyToken: 'contacts-e2e-verify',
    flowId: flow.id,
  });
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && page) await saveFailureScreenshot(page, task.name);
});

afterAll(async () => {
  await session?.context.close();
  await harness?.stop();
  await fake?.close();
});

describe('contacts page', () => {
  it('shows a WhatsApp contact with the field its conversation filled, finds it, and tags it', async () => {
    await page.goto('/contacts');
    await page.getByRole('heading', { level: 1, name: 'Contatos' }).waitFor();
    // The admin marks the published flow's variable as a contact field.
    const fieldsSection = page.getByTestId('contact-fields-section');
    await fieldsSection.getByLabel('Rótulo cidade').fill('Cidade');
    await fieldsSection.getByRole('button', { name: 'Marcar' }).click();
    await fieldsSection.getByRole('button', { name: 'Desmarcar' }).waitFor();

    await contactSays('oi');
    await fake.waitForSent(1, 20_000);
    // Mid-conversation: the row names the flow the contact is in, and when they last wrote.
    await page.reload();
    await expect
      .poll(async () => (await page.getByTestId('contact-row').allInnerTexts()).join('\n'), { timeout: 10_000 })
      .toContain('Cadastro de cidade');
    expect(await page.getByTestId('contact-row').first().innerText()).not.toContain('nunca');
    await contactSays('Natal');
    await fake.waitForSent(2, 20_000);

    await page.reload();
    const rows = page.getByTestId('contact-row');
    await expect
      .poll(async () => (await rows.allInnerTexts()).join('\n'), { timeout: 10_000 })
      .toContain('Cidade: Natal');
    const row = await rows.first().innerText();
    expect(row).toContain('Marina Tavares');
    expect(row).toContain('+55 84 99123-7777');

    // Found by a name fragment and by the number typed without the 9th digit.
    const search = page.getByTestId('contacts-search');
    for (const q of ['marina', '(84) 9123-7777']) {
      await search.fill(q);
      await expect.poll(() => rows.allInnerTexts()).toEqual([expect.stringContaining('Marina Tavares')]);
    }
    await search.fill('ninguém com esse nome');
    await page.getByText('Nenhum contato encontrado').waitFor();
    await search.fill('');
    await expect.poll(() => rows.count()).toBe(1);

    await page.getByRole('button', { name: 'Abrir Marina Tavares' }).click();
    const drawer = page.getByTestId('contact-drawer');
    await drawer.getByTestId('tag-input').fill('vip');
    await drawer.getByRole('button', { name: 'Adicionar', exact: true }).click();
    await drawer.getByRole('button', { name: 'Remover etiqueta vip' }).waitFor();
    await page.screenshot({ path: join(screenshotsDir, 'contacts.png') });
    await drawer.getByRole('button', { name: 'Fechar' }).first().click();
    await expect.poll(() => rows.first().innerText()).toContain('vip');
    await page.getByLabel('Etiqueta').selectOption('vip');
    await expect.poll(() => rows.count()).toBe(1);
  });

  it('imports a CSV and reports each line: typed numbers read, bad ones rejected with the reason', async () => {
    await page.goto('/contacts');
    await page.getByRole('button', { name: 'Importar CSV' }).click();
    const dialog = page.getByTestId('import-dialog');
    await dialog
      .getByTestId('import-text')
      .fill('nome,telefone,tags\nJoana,(84) 99000-0778,cliente\nErrado,123,\nMarina Tavares,84 99123-7777,importada\n');
    await dialog.getByRole('button', { name: 'Importar', exact: true }).click();
    const report = dialog.getByTestId('import-report');
    await report.getByText('1 criados, 1 atualizados, 1 recusados').waitFor();
    expect(await report.innerText()).toContain('linha 3: "123" não é um telefone válido');
    await dialog.getByRole('button', { name: 'Fechar' }).first().click();
    await expect.poll(() => page.getByTestId('contact-row').count()).toBe(2);
  });

  it('fits a 390 px phone: cards instead of a wide table, no sideways scroll, drawer included', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/contacts');
    await page.getByTestId('contact-row').first().waitFor();
    expect(await noSidewaysScroll()).toEqual([]);
    // Each row is a card: the column names show beside the values.
    expect(
      await page
        .getByTestId('contact-row')
        .first()
        .locator('td')
        .first()
        .evaluate((td) => getComputedStyle(td, '::before').content),
    ).toContain('Nome');
    await page.getByRole('button', { name: 'Abrir Marina Tavares' }).click();
    await page.getByTestId('contact-drawer').getByTestId('tag-input').waitFor();
    expect(await noSidewaysScroll()).toEqual([]);
    const box = await page.getByTestId('contact-drawer').boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await page.getByTestId('contact-drawer').getByRole('button', { name: 'Fechar' }).first().click();
  });

  it('exports the list as CSV, and exports then erases one contact (LGPD) after the typed confirmation', async () => {
    await page.setViewportSize({ width: 1600, height: 960 });
    await page.goto('/contacts');
    await page.getByTestId('contact-row').first().waitFor();
    const csvHref = await page.getByRole('link', { name: 'Exportar CSV' }).getAttribute('href');
    const csv = await page.request.get(csvHref ?? '');
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain('Marina Tavares');

    await page.getByRole('button', { name: 'Abrir Marina Tavares' }).click();
    const drawer = page.getByTestId('contact-drawer');
    const dataHref = await drawer.getByRole('link', { name: 'Exportar dados (JSON)' }).getAttribute('href');
    const data = await page.request.get(dataHref ?? '');
    expect(data.status()).toBe(200);
    const exported = JSON.stringify(await data.json());
    expect(exported).toContain('Marina Tavares');
    expect(exported).toContain('Natal');

    await drawer.getByRole('button', { name: 'Apagar contato' }).click();
    const confirm = page.getByTestId('confirm-dialog');
    const erase = confirm.getByRole('button', { name: 'Apagar contato' });
    // Nothing happens until the word is typed.
    expect(await erase.isDisabled()).toBe(true);
    await confirm.getByTestId('confirm-typed').fill('APAGAR');
    await erase.click();
    await expect.poll(() => page.locator('.toast').innerText()).toBe('Contato apagado');
    await expect
      .poll(async () => (await page.getByTestId('contact-row').allInnerTexts()).join('\n'))
      .not.toContain('Marina Tavares');
    const left = await page.request.get('/api/contacts?q=marina');
    expect(((await left.json()) as { contacts: unknown[] }).contacts).toEqual([]);
  });
});

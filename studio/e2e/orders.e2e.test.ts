import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGraphApi, type FakeGraph } from '../../server/testing/fake-graph-api.ts';
import { until } from '../../server/testing/until.ts';
import { messageWebhook } from '../../server/testing/webhook-payloads.ts';
import { login, saveFailureScreenshot, screenshotsDir, startHarness, type Harness } from './harness.ts';
import { deliverWebhook, overflowing, postJson } from './whatsapp.ts';

/**
 * Pedidos, end to end: a customer orders through real signed WhatsApp deliveries walking the
 * Pedidos template; the order shows up with its address; moving it to "confirmed" sends the
 * customer the status message (the fake Graph API receives it); and the page fits a phone.
 */
const channel = { phoneNumberId: '106000000000888', displayPhone: '15550100888', wabaId: '102000000000888' };
const appSecret = 'orders-e2e-app-secret';
const accessToken = 'EAAG-orders-e2e-access-token';
const customer = { waId: '5584991234567', name: 'Carla Dias' };
const address = 'Rua das Flores, 123, Centro';

let harness: Harness;
let fake: FakeGraph;
let admin: { context: BrowserContext; page: Page };
let seq = 0;

/** Resolves once the fake Graph API was asked to send something containing `part`. */
const sent = (part: string) =>
  until(
    `a send containing "${part}"`,
    () => fake.sent().some((r) => r.kind === 'send' && JSON.stringify(r.body).includes(part)),
    20_000,
    100,
  );

/** What the customer types, delivered as Meta would, then the bot's answer containing `answer`. */
async function customerSays(text: string, answer: string): Promise<void> {
  await deliverWebhook(
    harness.baseUrl,
    appSecret,
    messageWebhook({
      ...channel,
      wamid: `wamid.orders-e2e.${++seq}`,
      from: customer.waId,
      name: customer.name,
      timestamp: new Date(),
      text,
    }),
  );
  await sent(answer);
}

/**
 * What sticks out past the window's right edge in the page and its dialogs (the top bar's phone
 * layout belongs to another change, so it is left out here): empty means no sideways scrolling.
 */
/** Spaces as typed: Intl puts non-breaking ones in money. */
const plain = (text: string) => text.replace(/\s+/g, ' ');

beforeAll(async () => {
  fake = await startFakeGraphApi({ expectedToken: accessToken });
  harness = await startHarness({ env: { WHATSAPP_GRAPH_URL: fake.url } });
  admin = await harness.newPage();
  await login(admin.page);
  const api = admin.page.request;
  const { flow } = await postJson<{ flow: { id: string } }>(api, '/api/flows', {
    name: 'Pizzaria',
    templateId: 'pedidos',
    withSampleData: true,
  });
  await postJson(api, `/api/flows/${flow.id}/publish`, { note: 'orders e2e' });
  await postJson(api, '/api/channels', {
    name: 'Pizzaria',
    ...channel,
    accessToken,
    appSecret,
    verifyToken: 'orders-e2e-verify',
    flowId: flow.id,
  });
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && admin) await saveFailureScreenshot(admin.page, task.name);
});

afterAll(async () => {
  await admin?.context.close();
  await harness?.stop();
  await fake?.close();
});

describe('Pedidos', () => {
  it('an order placed on WhatsApp appears with its address, and a status change messages the customer', async () => {
    await customerSays('oi', 'Monte seu pedido por aqui');
    await customerSays('pizzas', 'Pizza Margherita');
    await customerSays('margherita', 'Quantas unidades de Pizza Margherita?');
    await customerSays('2', 'Adicionar mais itens?');
    await customerSays('Não, finalizar', 'Resumo do pedido');
    await customerSays('confirmar', 'Qual o endereço de entrega?');
    await customerSays(address, `Entrega em: ${address}`);

    const { page } = admin;
    await page.goto('/orders');
    await page.getByRole('heading', { level: 1, name: 'Pedidos' }).waitFor();
    const row = page.getByTestId('order-1');
    await row.waitFor();
    const rowText = plain(await row.innerText());
    expect(rowText).toContain('Carla Dias');
    expect(rowText).toContain(address);
    expect(rowText).toContain('Novo');
    expect(rowText).toContain('R$ 91,80');

    await page.getByRole('button', { name: 'Abrir pedido #1' }).click();
    const detail = page.getByTestId('order-detail');
    await detail.getByTestId('order-address').waitFor();
    expect(await detail.getByTestId('order-address').innerText()).toBe(address);
    const detailText = plain(await detail.innerText());
    expect(detailText).toContain('2× Pizza Margherita');
    expect(detailText).toContain('Pizzaria');
    expect(detailText).toContain(
      'O cliente recebe: “Oi, Carla Dias! Seu pedido #1 foi confirmado ✅ Total: R$ 91,80.”',
    );

    await detail.getByRole('button', { name: 'Confirmado', exact: true }).click();
    await sent('Seu pedido #1 foi confirmado');
    const confirmation = fake.sent().filter((r) => JSON.stringify(r.body).includes('Seu pedido #1 foi confirmado'));
    expect(confirmation).toHaveLength(1);
    expect(confirmation[0]?.body).toMatchObject({ to: expect.stringContaining(customer.waId), type: 'text' });
    await expect.poll(() => row.innerText()).toContain('Confirmado');
    // Confirmed orders move on; going back to "new" is not offered.
    expect(await detail.getByRole('button', { name: 'Novo', exact: true }).count()).toBe(0);
    await detail.getByRole('button', { name: 'Em preparo', exact: true }).waitFor();
    await page.screenshot({ path: join(screenshotsDir, 'orders.png') });
    await page.keyboard.press('Escape');
  });

  it('filters by status and exports what is shown as CSV', async () => {
    const { page } = admin;
    await page.getByLabel('Status').selectOption('cancelled');
    await page.getByRole('heading', { name: 'Nenhum pedido por aqui' }).waitFor();
    await page.getByLabel('Status').selectOption('confirmed');
    await page.getByTestId('order-1').waitFor();
    const link = page.getByRole('link', { name: 'Exportar CSV' });
    expect(await link.getAttribute('href')).toBe('/api/orders/export.csv?status=confirmed');
    const csv = await page.request.get('/api/orders/export.csv?status=confirmed');
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(address);
  });

  it('"Marcar como pago" records the payment once and shows when it was paid', async () => {
    const { page } = admin;
    await page.goto('/orders');
    await page.getByRole('button', { name: 'Abrir pedido #1' }).click();
    const detail = page.getByTestId('order-detail');
    await detail.getByRole('button', { name: 'Marcar como pago' }).click();
    await detail.getByTestId('order-paid').waitFor();
    expect(await detail.getByTestId('order-paid').innerText()).toContain('Pago em');
    expect(await detail.getByRole('button', { name: 'Marcar como pago' }).count()).toBe(0);
    const audit = await page.request.get('/api/audit?action=orders.paid');
    expect(await audit.text()).toContain('orders.paid');
    await page.keyboard.press('Escape');
  });

  it('fits a 390×844 phone: the list, the order and the status messages', async () => {
    const { page } = admin;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/orders');
    await page.getByTestId('order-1').waitFor();
    expect(await overflowing(page)).toEqual([]);
    await page.getByRole('button', { name: 'Abrir pedido #1' }).click();
    await page.getByTestId('order-address').waitFor();
    expect(await overflowing(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Mensagens por status' }).click();
    await page.getByTestId('order-message-shipped').waitFor();
    expect(await overflowing(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });
});

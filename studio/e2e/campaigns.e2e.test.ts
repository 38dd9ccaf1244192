import { join } from 'node:path';
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGraphApi, type FakeGraph } from '../../server/testing/fake-graph-api.ts';
import { until } from '../../server/testing/until.ts';
import { messageWebhook, statusWebhook } from '../../server/testing/webhook-payloads.ts';
import { login, saveFailureScreenshot, screenshotsDir, startHarness, type Harness } from './harness.ts';
import { deliverWebhook, overflowing } from './whatsapp.ts';

/**
 * Campanhas, end to end: contacts made by real signed WhatsApp deliveries; the admin creates a
 * daily campaign from the studio for the contacts tagged "cliente", runs it now, and watches the
 * results fill in as Meta's signed status webhooks arrive; the page fits a phone.
 */
const channel = { phoneNumberId: '106000000000818', displayPhone: '15550100818', wabaId: '102000000000818' };
const appSecret = 'campaigns-e2e-app-secret';
const accessToken = 'EAAG-campaigns-e2e-access-token';
const client = { waId: '5584991238001', name: 'Clara Souza' };
const other = { waId: '5584991238002', name: 'Otávio Lima' };

let harness: Harness;
let fake: FakeGraph;
let admin: { context: BrowserContext; page: Page };
let seq = 0;

async function send<T>(request: APIRequestContext, method: 'post' | 'patch', path: string, data: unknown): Promise<T> {
  const response = await request[method](path, { data });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A signed delivery to our webhook, as Meta posts it. */
async function deliver(payload: unknown): Promise<void> {
  await deliverWebhook(harness.baseUrl, appSecret, payload);
}

const says = (who: { waId: string; name: string }, text: string) =>
  deliver(
    messageWebhook({
      ...channel,
      wamid: `wamid.campaigns-e2e.${++seq}`,
      from: who.waId,
      name: who.name,
      timestamp: new Date(),
      text,
    }),
  );

const templatesTo = (waId: string) =>
  fake
    .sent()
    .filter((r) => r.kind === 'send')
    .filter((r) => {
      const body = r.body as { type?: string; to?: string };
      return body.type === 'template' && body.to?.includes(waId);
    });

beforeAll(async () => {
  fake = await startFakeGraphApi({ expectedToken: accessToken });
  harness = await startHarness({ env: { WHATSAPP_GRAPH_URL: fake.url } });
  admin = await harness.newPage();
  await login(admin.page);
  const api = admin.page.request;
  const { flow } = await send<{ flow: { id: string } }>(api, 'post', '/api/flows', {
    name: 'Loja',
    templateId: 'pedidos',
    withSampleData: true,
  });
  await send(api, 'post', `/api/flows/${flow.id}/publish`, { note: 'campaigns e2e' });
  await send(api, 'post', '/api/channels', {
    name: 'Loja',
    ...channel,
    accessToken,
    appSecret,
    verifyToken: 'campaigns-e2e-verify',
    flowId: flow.id,
  });
  // Two people write; the bot answers each (their contacts now exist).
  await says(client, 'oi');
  await says(other, 'oi');
  await until('both greeted', () => fake.sent().filter((r) => r.kind === 'send').length >= 2, 20_000, 100);
  const { contacts } = (await (await api.get('/api/contacts')).json()) as { contacts: { id: string; phone: string }[] };
  const clara = contacts.find((c) => c.phone.includes(client.waId));
  if (!clara) throw new Error('contact not found');
  await send(api, 'patch', `/api/contacts/${clara.id}`, { tags: ['cliente'] });
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && admin) await saveFailureScreenshot(admin.page, task.name);
});

afterAll(async () => {
  await admin?.context.close();
  await harness?.stop();
  await fake?.close();
});

describe('Campanhas', () => {
  it('creates a daily campaign for tagged contacts, runs it now and shows results as statuses arrive', async () => {
    const { page } = admin;
    await page.goto('/campaigns');
    await page.getByRole('heading', { level: 1, name: 'Campanhas' }).waitFor();
    await page.getByRole('button', { name: 'Nova campanha' }).click();
    const form = page.getByTestId('campaign-form');
    await form.getByLabel('Nome', { exact: true }).fill('Reativação diária');
    await form.getByLabel('Modelo (nome na Meta)').fill('volte_sempre');
    await form.getByLabel(/Parâmetros do modelo/).fill('{{contact.name}}');
    await form.getByLabel('Com as etiquetas (separadas por vírgula)').fill('cliente');
    await form.getByLabel('Todo dia', { exact: true }).check();
    await form.getByLabel('Horário (fuso do negócio)').fill('10:00');
    // They are in the middle of the Loja flow (it greeted them): interrupt it.
    await form.getByLabel('Contatos no meio de outro fluxo').selectOption('interrupt');
    await form.getByRole('button', { name: 'Criar campanha' }).click();

    const detail = page.getByTestId('campaign-detail');
    await detail.getByText('Todo dia às 10:00').waitFor();
    expect(await detail.getByTestId('campaign-status').innerText()).toBe('Agendada');
    await detail.getByRole('button', { name: 'Executar agora' }).click();

    // Meta's pair rate holds the template until 6 s after the greeting: then it goes, to Clara only.
    await until('the template to the tagged contact', () => templatesTo(client.waId).length === 1, 30_000, 100);
    const [sentTemplate] = templatesTo(client.waId);
    expect(sentTemplate?.body).toMatchObject({
      template: {
        name: 'volte_sempre',
        components: [{ type: 'body', parameters: [{ type: 'text', text: client.name }] }],
      },
    });
    expect(templatesTo(other.waId)).toEqual([]);

    await detail.getByTestId('campaign-runs').getByRole('button').first().click();
    await expect.poll(() => detail.getByTestId('total-sent').innerText(), { timeout: 15_000 }).toContain('1');

    // Meta's status webhooks: delivered, then read; the page follows them live.
    const callback = (sentTemplate?.body as { biz_opaque_callback_data?: string }).biz_opaque_callback_data;
    const status = (value: 'delivered' | 'read') =>
      deliver(
        statusWebhook({
          ...channel,
          wamid: sentTemplate?.wamid ?? '',
          recipient: client.waId,
          status: value,
          timestamp: new Date(),
          ...(callback ? { bizOpaqueCallbackData: callback } : {}),
        }),
      );
    await status('delivered');
    await expect.poll(() => detail.getByTestId('total-delivered').innerText(), { timeout: 15_000 }).toContain('1');
    await status('read');
    await expect.poll(() => detail.getByTestId('total-read').innerText(), { timeout: 15_000 }).toContain('1');
    expect(await detail.getByTestId('recipient-outcome').innerText()).toBe('Lida');
    // Filtered by outcome: the recipient under "Lida", nobody under "Falhou".
    await detail.getByTestId('recipient-filter').selectOption('read');
    await expect.poll(() => detail.getByTestId('recipient-outcome').count()).toBe(1);
    await detail.getByTestId('recipient-filter').selectOption('failed');
    await detail.getByText('Nenhum destinatário nesta situação.').waitFor();
    await detail.getByTestId('recipient-filter').selectOption('');
    await expect.poll(() => detail.getByTestId('recipients-shown').innerText()).toBe('Mostrando 1');
    await page.screenshot({ path: join(screenshotsDir, 'campaigns.png') });

    const csv = await page.request.get(
      (await detail.getByRole('link', { name: 'Exportar CSV' }).getAttribute('href')) ?? '',
    );
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(`${client.waId},${client.name},read`);
    await page.keyboard.press('Escape');
  });

  it('fits a 390×844 phone: the list, the form and the results', async () => {
    const { page } = admin;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/campaigns');
    await page.getByTestId('campaigns-list').waitFor();
    expect(await overflowing(page)).toEqual([]);
    await page.getByRole('button', { name: 'Abrir campanha Reativação diária' }).click();
    await page.getByTestId('campaign-totals').waitFor();
    expect(await overflowing(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Nova campanha' }).click();
    await page.getByTestId('campaign-form').getByLabel('Toda semana').check();
    expect(await overflowing(page)).toEqual([]);
  });
});

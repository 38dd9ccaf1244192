import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { startFakeGraphApi, type FakeGraph } from '../../server/testing/fake-graph-api.ts';
import { waitUntilServerIdle } from '../../server/testing/server-idle.ts';
import { messageWebhook, statusWebhook } from '../../server/testing/webhook-payloads.ts';
import { login, saveFailureScreenshot, screenshotsDir, startHarness, type Harness } from './harness.ts';
import { deliverWebhook, postJson } from './whatsapp.ts';

/**
 * Painel and Auditoria as an admin meets them: a contact's real WhatsApp deliveries (signed
 * webhooks) and Meta's failure report for one reply show up as figures and charts, on a desktop
 * and on a 390 px phone; the audit log narrows to one action and exports it.
 */
const number = { phoneNumberId: '106000000000931', displayPhone: '15550100931', wabaId: '102000000000931' };
const appSecret = 'dashboard-e2e-app-secret';
const accessToken = 'EAAG-dashboard-e2e-token';
const metricsToken = 'dashboard-e2e-metrics-token';
const contact = { waId: '5511987650001', name: 'Rita' };

const flowDoc: FlowDocumentInput = {
  name: 'Loja — vendas',
  variables: [],
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'hello', type: 'message', position: { x: 0, y: 120 }, data: { text: 'Olá! Quer falar com um vendedor?' } },
    { id: 'ask', type: 'wait', position: { x: 0, y: 240 }, data: { durationMinutes: null, variable: 'resposta' } },
    {
      id: 'human',
      type: 'handoff',
      position: { x: 0, y: 360 },
      data: { team: 'vendas', message: 'Chamando um vendedor.' },
    },
    { id: 'bye', type: 'end', position: { x: 0, y: 480 }, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'hello' },
    { id: 'e2', source: 'hello', sourceHandle: 'next', target: 'ask' },
    { id: 'e3', source: 'ask', sourceHandle: 'reply', target: 'human' },
    { id: 'e4', source: 'human', sourceHandle: 'resolved', target: 'bye' },
  ],
};

let harness: Harness;
let fake: FakeGraph;
let context: BrowserContext;
let page: Page;
let seq = 0;

async function deliver(value: unknown): Promise<void> {
  await deliverWebhook(harness.baseUrl, appSecret, value);
}

const contactSays = (text: string) =>
  deliver(
    messageWebhook({
      ...number,
      wamid: `wamid.dashboard-e2e.${++seq}`,
      from: contact.waId,
      name: contact.name,
      timestamp: new Date(),
      text,
    }),
  );

/**
 * No horizontal scroll from the page: nothing in it reaches past the viewport's right edge. (The
 * top bar is the phone layout's own work, a menu on phones, and is checked in its tests.)
 */
const pageScrollsSideways = () =>
  page.evaluate(() =>
    [...document.querySelectorAll('.page, .page *')].some(
      (el) => el.getBoundingClientRect().right > window.innerWidth + 0.5,
    ),
  );

beforeAll(async () => {
  fake = await startFakeGraphApi({ expectedToken: accessToken });
  harness = await startHarness({ env: { WHATSAPP_GRAPH_URL: fake.url, METRICS_TOKEN: metricsToken } });
  ({ context, page } = await harness.newPage());
  await login(page);
  const api = page.request;
  const { flow } = await postJson<{ flow: { id: string } }>(api, '/api/flows', { name: flowDoc.name, flow: flowDoc });
  await postJson(api, `/api/flows/${flow.id}/publish`, { note: 'dashboard e2e' });
  await postJson(api, '/api/channels', {
    name: 'Loja',
    ...number,
    accessToken,
    appSecret,
    verifyToken: 'dashboard-e2e-verify',
    flowId: flow.id,
  });

  // The contact writes, the bot greets; the contact answers, the flow hands over to a person.
  await contactSays('Oi!');
  await fake.waitForSent(1, 20_000);
  await contactSays('Sim, por favor');
  const sent = await fake.waitForSent(2, 20_000);
  // Meta reports the greeting as failed (131047) and the second reply as delivered.
  await deliver(
    statusWebhook({
      ...number,
      wamid: sent[0]?.wamid ?? '',
      recipient: contact.waId,
      status: 'failed',
      timestamp: new Date(),
      error: { code: 131047, title: 'Re-engagement message' },
    }),
  );
  await deliver(
    statusWebhook({
      ...number,
      wamid: sent[1]?.wamid ?? '',
      recipient: contact.waId,
      status: 'delivered',
      timestamp: new Date(),
    }),
  );
  await waitUntilServerIdle(harness.baseUrl, metricsToken);
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && page) await saveFailureScreenshot(page, task.name);
});

afterAll(async () => {
  await context?.close();
  await harness?.stop();
  await fake?.close();
});

const kpi = (id: string) => page.locator(`[data-kpi="${id}"] .dash-kpi-value`);

describe('Painel', () => {
  it("shows the conversation from the webhooks as figures and charts, and a flow's funnel", async () => {
    await page.getByRole('navigation', { name: 'Navegação principal' }).getByRole('link', { name: 'Painel' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/dashboard');
    await expect.poll(() => kpi('started').innerText()).toBe('1');
    expect(await kpi('completed').innerText()).toBe('0');
    expect(await kpi('handoffRate').innerText()).toBe('100%');
    expect(await kpi('botReply').innerText()).toMatch(/^\d+ s$/);
    expect(await page.getByTestId('failures').innerText()).toContain('131047');
    expect(await page.getByTestId('by-status').innerText()).toMatch(/delivered\s+1/);
    // Charts drawn: the messages chart has bars (the day's inbound, outbound and failed).
    await page.locator('[data-testid="chart-messages"] .recharts-bar-rectangle').first().waitFor();
    expect(await page.locator('[data-testid="chart-conversations"] svg').count()).toBeGreaterThan(0);

    await page.getByLabel('Fluxo do funil').selectOption({ label: flowDoc.name });
    await page.getByTestId('chart-funnel').waitFor();
    expect(await page.getByTestId('chart-funnel').innerText()).toContain('Funil de “Loja — vendas”');
    await page.locator('[data-testid="chart-funnel"] .recharts-bar-rectangle').first().waitFor();
    await page.screenshot({ path: join(screenshotsDir, 'dashboard.png') });
  });

  it('fits a 390×844 phone: no sideways scroll, charts as wide as the screen allows', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect.poll(() => kpi('started').innerText()).toBe('1');
    await page.locator('[data-testid="chart-messages"] .recharts-bar-rectangle').first().waitFor();
    expect(await pageScrollsSideways()).toBe(false);
    const chartWidth = await page
      .locator('[data-testid="chart-messages"] .recharts-wrapper > svg')
      .first()
      .evaluate((svg) => svg.getBoundingClientRect().width);
    expect(chartWidth).toBeGreaterThan(200);
    expect(chartWidth).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(screenshotsDir, 'dashboard-phone.png') });
    await page.setViewportSize({ width: 1600, height: 960 });
  });
});

describe('Auditoria', () => {
  it('filters by action, exports what is shown, and fits a phone as cards', async () => {
    await page.goto('/audit');
    await page.locator('tr[data-action]').first().waitFor();
    expect(await page.locator('tr[data-action="channel.create"]').count()).toBe(1);
    await page.getByTestId('audit-action').selectOption('auth.login');
    await expect
      .poll(async () => [
        ...new Set(
          await page.locator('tr[data-action]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action'))),
        ),
      ])
      .toEqual(['auth.login']);
    const href = await page.getByRole('link', { name: 'Exportar CSV' }).getAttribute('href');
    expect(href).toBe('/api/audit/export.csv?action=auth.login');
    const csv = await page.request.get(href ?? '');
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect((await csv.text()).split('\r\n').filter((l) => l.includes(',auth.login,'))).toHaveLength(1);
    await page.getByTestId('audit-action').selectOption('');
    await page.locator('tr[data-action="channel.create"]').waitFor();
    await page.screenshot({ path: join(screenshotsDir, 'audit.png') });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('tr[data-action]').first().waitFor();
    expect(await pageScrollsSideways()).toBe(false);
    // Stacked cards: the header row is hidden and each cell names its column.
    expect(await page.locator('.audit-table thead').isVisible()).toBe(false);
    await page.setViewportSize({ width: 1600, height: 960 });
  });
});

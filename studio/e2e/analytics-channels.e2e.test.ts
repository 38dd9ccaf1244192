import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { startFakeGraphApi, type FakeGraph } from '../../server/testing/fake-graph-api.ts';
import { messageWebhook } from '../../server/testing/webhook-payloads.ts';
import { login, saveFailureScreenshot, startHarness, type Harness } from './harness.ts';
import { deliverWebhook } from './whatsapp.ts';

/**
 * Issue 21, defects 11 and 13, as an admin meets them: a number that only says "Funcionando"
 * once Meta confirmed it (and says so when Meta refuses), and a published flow whose end block
 * counts finished conversations as completions, in words with proper plurals, over a period
 * the admin picks, with an overlay they can hide.
 */
const number = { phoneNumberId: '106000000000913', displayPhone: '15550100913', wabaId: '102000000000913' };
const appSecret = 'analytics-e2e-app-secret';
const accessToken = 'EAAG-analytics-e2e-good-token';
const verifyToken = 'analytics-e2e-verify-token';

const flowDoc: FlowDocumentInput = {
  name: 'Boas-vindas',
  variables: [],
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'hello', type: 'message', position: { x: 0, y: 160 }, data: { text: 'Olá! Obrigado pelo contato.' } },
    { id: 'bye', type: 'end', position: { x: 0, y: 320 }, data: { message: 'Até logo!' } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'hello' },
    { id: 'e2', source: 'hello', sourceHandle: 'next', target: 'bye' },
  ],
};

let harness: Harness;
let fake: FakeGraph;
let context: BrowserContext;
let page: Page;
let flowId = '';
let channelId = '';
let seq = 0;

async function send<T>(request: APIRequestContext, method: 'post' | 'put', path: string, data: unknown): Promise<T> {
  const response = await request[method](path, { data });
  if (!response.ok()) throw new Error(`${method.toUpperCase()} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A contact writes on WhatsApp: Meta's signed delivery reaches the server; the flow answers twice and ends. */
async function contactWrites(waId: string): Promise<void> {
  const sentBefore = fake.sent().length;
  await deliverWebhook(
    harness.baseUrl,
    appSecret,
    messageWebhook({
      ...number,
      wamid: `wamid.analytics-e2e.${++seq}`,
      from: waId,
      name: `Contato ${seq}`,
      timestamp: new Date(),
      text: 'Oi',
    }),
  );
  await fake.waitForSent(sentBefore + 2, 20_000);
}

beforeAll(async () => {
  fake = await startFakeGraphApi();
  fake.addPhoneNumber(number.phoneNumberId, {
    displayPhoneNumber: '+55 11 3000-0913',
    verifiedName: 'Padaria Aurora',
    qualityRating: 'GREEN',
    token: accessToken,
  });
  harness = await startHarness({ env: { WHATSAPP_GRAPH_URL: fake.url } });
  ({ context, page } = await harness.newPage());
  await login(page);
  const api = page.request;
  ({
    flow: { id: flowId },
  } = await send<{ flow: { id: string } }>(api, 'post', '/api/flows', { name: flowDoc.name, flow: flowDoc }));
  await send(api, 'post', `/api/flows/${flowId}/publish`, { note: 'analytics e2e' });
  ({
    channel: { id: channelId },
  } = await send<{ channel: { id: string } }>(api, 'post', '/api/channels', {
    name: 'Padaria Aurora',
    ...number,
    accessToken,
    appSecret,
    verifyToken,
    flowId,
  }));
}, 180_000);

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && page) await saveFailureScreenshot(page, task.name);
});

afterAll(async () => {
  await context?.close();
  await harness?.stop();
  await fake?.close();
});

describe('channels: status that was checked', () => {
  const card = () => page.getByTestId('channel-card').filter({ hasText: 'Padaria Aurora' });

  it('reads "Não verificado" after saving, and "Funcionando" with what Meta said once the test passed', async () => {
    await page.goto('/channels');
    expect(await card().getByTestId('channel-status').innerText()).toBe('Não verificado');
    expect(await card().getByTestId('channel-webhook').innerText()).toBe('Webhook ainda não verificado pela Meta');

    await card().getByRole('button', { name: 'Testar conexão de Padaria Aurora' }).click();
    await expect.poll(() => card().getByTestId('channel-status').innerText()).toBe('Funcionando');
    const text = await card().getByTestId('channel-checks').innerText();
    expect(text).toContain('Conexão confirmada pela Meta.');
    expect(text).toMatch(/Número na Meta\s+\+55 11 3000-0913/);
    expect(text).toMatch(/Nome verificado\s+Padaria Aurora/);
    expect(text).toMatch(/Qualidade\s+Alta \(verde\)/);
    expect(text).toMatch(/Vazão na Meta\s+80 mensagens\/s/);
    const call = fake.requests.find((r) => r.kind === 'phone_number');
    expect(call?.path).toBe(
      `/v23.0/${number.phoneNumberId}?fields=display_phone_number,verified_name,quality_rating,throughput`,
    );
    expect(call?.token).toBe(accessToken);
  });

  it('shows Meta\'s refusal of a bad token, and "Webhook verificado" after Meta\'s handshake', async () => {
    // The whole form, as the studio sends it (PUT is not partial on this branch).
    const form = { name: 'Padaria Aurora', ...number, verifyToken, flowId };
    await send(page.request, 'put', `/api/channels/${channelId}`, {
      ...form,
      accessToken: 'EAAG-a-token-meta-revoked',
    });
    await page.reload();
    expect(await card().getByTestId('channel-status').innerText()).toBe('Não verificado');
    await card().getByRole('button', { name: 'Testar conexão de Padaria Aurora' }).click();
    await expect.poll(() => card().getByTestId('channel-status').innerText()).toBe('Com problema');
    expect(await card().getByTestId('channel-test-result').innerText()).toBe(
      'A Meta recusou: (#190) Invalid OAuth access token - Cannot parse access token',
    );

    const handshake = await fetch(
      `${harness.baseUrl}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=8812`,
    );
    expect(await handshake.text()).toBe('8812');
    await page.reload();
    expect(await card().getByTestId('channel-webhook').innerText()).toBe('Webhook verificado');

    // Put the good token back for the conversations below.
    await send(page.request, 'put', `/api/channels/${channelId}`, { ...form, accessToken });
  });

  it('says the same in English', async () => {
    await page.reload();
    await page.getByLabel('Idioma').selectOption('en');
    expect(await card().getByTestId('channel-status').innerText()).toBe('Not checked');
    expect(await card().getByRole('button', { name: 'Test the connection of Padaria Aurora' }).innerText()).toBe(
      'Test connection',
    );
    expect(await card().getByTestId('channel-webhook').innerText()).toBe('Webhook verified');
    await page.getByLabel('Language').selectOption('pt-BR');
  });
});

describe('analytics overlay', () => {
  const chip = (nodeId: string) => page.locator(`.react-flow__node[data-id="${nodeId}"]`).getByTestId('node-analytics');
  const analyticsCalls: string[] = [];

  it('counts a conversation that reached the end block as completed, in the singular', async () => {
    page.on('request', (r) => {
      if (r.url().includes('/analytics')) analyticsCalls.push(r.url());
    });
    await contactWrites('5511910000001');
    await page.goto(`/flows/${flowId}`);
    await expect.poll(() => chip('bye').innerText()).toMatch(/1 entrada\s+1 concluída/);
    expect(await chip('bye').innerText()).not.toContain('abandonaram');
    expect(await chip('hello').innerText()).toMatch(/1 entrada\s+0% abandonaram/);
    // Last 30 days unless the admin picks otherwise.
    expect(await page.getByLabel('Período das análises').inputValue()).toBe('30');
    expect(analyticsCalls.at(-1)).toContain('days=30');
  });

  it('uses the plural for two, in both languages', async () => {
    await contactWrites('5511910000002');
    await page.reload();
    await expect.poll(() => chip('bye').innerText()).toMatch(/2 entradas\s+2 concluídas/);
    await page.getByLabel('Idioma').selectOption('en');
    expect(await chip('bye').innerText()).toMatch(/2 entries\s+2 completed/);
    expect(await chip('hello').innerText()).toMatch(/2 entries\s+0% dropped off/);
    await page.getByLabel('Language').selectOption('pt-BR');
  });

  it('asks for the period picked', async () => {
    const calls = analyticsCalls.length;
    await page.getByLabel('Período das análises').selectOption('7');
    await expect.poll(() => analyticsCalls.slice(calls).some((u) => u.endsWith('?days=7'))).toBe(true);
    await page.getByLabel('Período das análises').selectOption('all');
    await expect.poll(() => analyticsCalls.at(-1)?.endsWith('/analytics')).toBe(true);
    await expect.poll(() => chip('bye').innerText()).toMatch(/2 entradas/);
  });

  it('hides the overlay, remembers it on reload without asking for analytics, and shows it again', async () => {
    const toggle = page.getByRole('button', { name: 'Análises' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    await expect.poll(() => page.getByTestId('node-analytics').count()).toBe(0);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');

    const calls = analyticsCalls.length;
    await page.reload();
    await page.locator('.react-flow__node[data-id="bye"]').waitFor();
    expect(await page.getByRole('button', { name: 'Análises' }).getAttribute('aria-pressed')).toBe('false');
    expect(await page.getByTestId('node-analytics').count()).toBe(0);
    expect(analyticsCalls.length).toBe(calls);

    await page.getByRole('button', { name: 'Análises' }).click();
    await expect.poll(() => chip('bye').innerText()).toMatch(/2 entradas\s+2 concluídas/);
    // The period was remembered too.
    expect(await page.getByLabel('Período das análises').inputValue()).toBe('all');
  });
});

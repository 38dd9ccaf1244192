import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { startFakeGraphApi, type FakeGraph } from '../../server/testing/fake-graph-api.ts';
import { messageWebhook, type MessageWebhookInput } from '../../server/testing/webhook-payloads.ts';
import { login, saveFailureScreenshot, startHarness, type Harness } from './harness.ts';
import { deliverWebhook, postJson } from './whatsapp.ts';

/**
 * Taking over on Conversas and answering right there: a contact writes through a signed webhook,
 * the admin takes the conversation over and types the reply under the history; Meta (the fake
 * Graph API) receives it once, and it shows in the history. On a desktop and at 390 px.
 */
const channel = { phoneNumberId: '106000000000889', displayPhone: '15550100889', wabaId: '102000000000889' };
const appSecret = 'conv-reply-e2e-app-secret';
const accessToken = 'EAAG-conv-reply-e2e-access-token';
const contact = { waId: '5584988776600', name: 'Bruno Dias' };

const menuFlow: FlowDocumentInput = {
  name: 'Loja — menu',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    {
      id: 'menu',
      type: 'menu',
      position: { x: 0, y: 150 },
      data: {
        text: 'Quer ver as ofertas?',
        options: [
          { id: 'sim', title: 'Sim' },
          { id: 'nao', title: 'Agora não' },
        ],
      },
    },
    { id: 'thanks', type: 'message', position: { x: 0, y: 300 }, data: { text: 'Combinado!' } },
    { id: 'end', type: 'end', position: { x: 0, y: 450 }, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'menu' },
    { id: 'e2', source: 'menu', sourceHandle: 'opt-sim', target: 'thanks' },
    { id: 'e3', source: 'menu', sourceHandle: 'opt-nao', target: 'thanks' },
    { id: 'e4', source: 'menu', sourceHandle: 'invalid', target: 'end' },
    { id: 'e5', source: 'thanks', sourceHandle: 'next', target: 'menu' },
  ],
};

let harness: Harness;
let fake: FakeGraph;
let admin: { context: BrowserContext; page: Page };
let seq = 0;

/** What the contact does on their phone, delivered as Meta would: escaped JSON signed with the app secret. */
async function contactSends(what: Pick<MessageWebhookInput, 'text' | 'reply' | 'contextId'>): Promise<void> {
  await deliverWebhook(
    harness.baseUrl,
    appSecret,
    messageWebhook({
      ...channel,
      wamid: `wamid.conv-reply-e2e.${++seq}`,
      from: contact.waId,
      name: contact.name,
      timestamp: new Date(),
      ...what,
    }),
  );
}

/**
 * How far the page's content reaches past the window's right edge (0 when it fits): every element
 * of the main area, since bubbles and lists must wrap or scroll in their own box. The top bar is
 * measured by its own test (it becomes a menu on phones).
 */
const horizontalOverflow = (page: Page) =>
  page.evaluate(() => {
    const main = document.getElementById('main');
    if (!main) return Number.POSITIVE_INFINITY;
    const widest = Math.max(
      main.scrollWidth - main.clientWidth,
      ...[...main.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right - window.innerWidth),
    );
    return Math.max(0, Math.ceil(widest));
  });

beforeAll(async () => {
  fake = await startFakeGraphApi({ expectedToken: accessToken });
  harness = await startHarness({ env: { WHATSAPP_GRAPH_URL: fake.url } });
  // Meta's side: every accepted send is followed by signed `sent` and `delivered` webhooks.
  fake.statusCallback = { url: `${harness.baseUrl}/webhooks/whatsapp`, appSecret, statuses: ['sent', 'delivered'] };
  admin = await harness.newPage();
  await login(admin.page);
  const api = admin.page.request;
  const { flow } = await postJson<{ flow: { id: string } }>(api, '/api/flows', { name: menuFlow.name, flow: menuFlow });
  await postJson(api, `/api/flows/${flow.id}/publish`, { note: 'conversation reply e2e' });
  await postJson(api, '/api/channels', {
    name: 'Loja',
    ...channel,
    accessToken,
    appSecret,
    verifyToken: 'conv-reply-e2e-verify',
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

describe('answering a taken-over conversation on Conversas', () => {
  const sentTexts = () =>
    fake
      .sent()
      .map((r) => (r.body as { text?: { body?: string } }).text?.body)
      .filter((t): t is string => t !== undefined);

  it('takes over and sends a reply from the conversation itself (desktop)', async () => {
    const { page } = admin;
    await contactSends({ text: 'Quero falar com alguém' });
    await page.goto('/conversations');
    const option = page.getByTestId('conv-option').filter({ hasText: contact.name });
    await option.click();
    await page.getByRole('heading', { level: 2, name: contact.name }).waitFor();
    expect(await page.getByTestId('reply-box').count()).toBe(0); // the bot has it: nothing to type into

    await page.getByRole('button', { name: 'Assumir' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Assumir' }).click();
    const box = page.getByTestId('reply-box');
    await box.waitFor();
    await expect.poll(() => page.getByTestId('conv-status').innerText()).toBe('Com atendente');
    await box.getByRole('textbox').fill('Oi Bruno, aqui é a Ana da loja. Como posso ajudar?');
    await box.getByRole('button', { name: 'Enviar' }).click();

    await page.getByRole('log').getByText('Oi Bruno, aqui é a Ana da loja. Como posso ajudar?').waitFor();
    await expect.poll(sentTexts, { timeout: 20_000 }).toContain('Oi Bruno, aqui é a Ana da loja. Como posso ajudar?');
    expect(sentTexts().filter((t) => t.startsWith('Oi Bruno')).length).toBe(1);
    expect(await box.getByRole('textbox').inputValue()).toBe('');
  });

  it('answers at 390×844 too, without horizontal scroll', async () => {
    const { page } = admin;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/conversations');
    await page.getByTestId('conv-option').filter({ hasText: contact.name }).click();
    const box = page.getByTestId('reply-box');
    await box.waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await box.getByRole('textbox').fill('Pelo celular também.');
    await box.getByRole('textbox').press('Enter');
    await page.getByRole('log').getByText('Pelo celular também.').waitFor();
    await expect.poll(sentTexts, { timeout: 20_000 }).toContain('Pelo celular também.');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
});

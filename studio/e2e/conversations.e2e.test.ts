import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { startFakeGraphApi, type FakeGraph } from '../../server/testing/fake-graph-api.ts';
import { messageWebhook, type MessageWebhookInput } from '../../server/testing/webhook-payloads.ts';
import { login, saveFailureScreenshot, screenshotsDir, startHarness, type Harness } from './harness.ts';
import { deliverWebhook, postJson } from './whatsapp.ts';

/**
 * The operator console's conversations page, fed by real signed webhooks: a contact writes, the
 * flow answers with buttons, Meta (the fake Graph API) reports the delivery, the contact taps a
 * button, and all of it shows up on the open page without a reload. Then an admin takes over.
 */
const channel = { phoneNumberId: '106000000000888', displayPhone: '15550100888', wabaId: '102000000000888' };
const appSecret = 'conversations-e2e-app-secret';
const accessToken = 'EAAG-conversations-e2e-access-token';
const contact = { waId: '5584988776655', name: 'Rita Lima' };

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
      wamid: `wamid.conv-e2e.${++seq}`,
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
  await postJson(api, `/api/flows/${flow.id}/publish`, { note: 'conversations e2e' });
  await postJson(api, '/api/channels', {
    name: 'Loja',
    ...channel,
    accessToken,
    appSecret,
    verifyToken: 'conversations-e2e-verify',
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

describe('conversations page', () => {
  it('shows a WhatsApp conversation live: buttons, a delivered tick, the tapped reply; then takes it over', async () => {
    const { page } = admin;
    await page.goto('/conversations');
    await page.getByRole('heading', { level: 1, name: 'Conversas' }).waitFor();
    await page.getByText('Nenhuma conversa ainda').waitFor();
    // Marks this document: if the page reloaded, the mark would be gone.
    await page.evaluate(() => {
      (window as unknown as { stillHere: boolean }).stillHere = true;
    });

    await contactSends({ text: 'Oi, tudo bem?' });
    const option = page.getByTestId('conv-option').filter({ hasText: contact.name });
    await option.waitFor();
    await option.click();
    await page.getByRole('heading', { level: 2, name: contact.name }).waitFor();

    // The flow's menu as the contact saw it, and Meta's delivery report, arriving live.
    const history = page.getByRole('log');
    await history.getByRole('button', { name: 'Sim' }).waitFor();
    const menu = history.getByTestId('conv-message').filter({ hasText: 'Quer ver as ofertas?' });
    await menu.getByTestId('conv-delivery').filter({ hasText: 'entregue' }).waitFor({ timeout: 20_000 });
    expect(await menu.getAttribute('data-status')).toBe('delivered');

    const [sent] = await fake.waitForSent(1, 20_000);
    const buttons =
      (sent?.body as { interactive?: { action?: { buttons?: { reply: { id: string; title: string } }[] } } })
        .interactive?.action?.buttons ?? [];
    const yes = buttons.find((b) => b.reply.title === 'Sim')?.reply;
    expect(yes).toBeDefined();
    await contactSends({ reply: { id: yes?.id ?? '', title: 'Sim' }, contextId: sent?.wamid });
    await history.getByTestId('conv-reply').filter({ hasText: 'Sim' }).waitFor();
    await history.getByText('Combinado!').waitFor();
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

    await page.getByTestId('conv-session').getByText('Loja — menu').waitFor();
    await page.screenshot({ path: join(screenshotsDir, 'conversations.png') });
    expect(await page.getByTestId('conv-status').innerText()).toBe('Com o robô');
    await page.getByRole('button', { name: 'Assumir' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Assumir' }).click();
    await expect.poll(() => page.getByTestId('conv-status').innerText()).toBe('Com atendente');
    await page.getByRole('link', { name: 'Abrir na caixa de entrada' }).waitFor();
  });

  it('fits a 390×844 phone: the list, then one conversation with a way back', async () => {
    const { page } = admin;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/conversations');
    const option = page.getByTestId('conv-option').filter({ hasText: contact.name });
    await option.waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await option.click();
    await page.getByRole('heading', { level: 2, name: contact.name }).waitFor();
    expect(await page.getByTestId('conv-option').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('conv-option').first().isVisible()).toBe(false);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(screenshotsDir, 'conversations-phone.png') });
    await page.getByRole('link', { name: /Voltar às conversas/ }).click();
    await option.waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
});

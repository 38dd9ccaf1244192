import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import type { FakeGraph } from '../../server/testing/fake-graph-api.ts';
import { messageWebhook } from '../../server/testing/webhook-payloads.ts';
import { login, saveFailureScreenshot, screenshotsDir, type Harness } from './harness.ts';
import { deliverWebhook, postJson, publishFlow, startWithFakeGraph } from './whatsapp.ts';
import { horizontalOverflow, loginOnPhone, newPhonePage } from './phone.ts';

/**
 * Routing live, in two browsers: two agents of one team; a real signed webhook reaches a flow
 * whose handoff block names the team; the conversation goes to the less-loaded agent at once
 * (server-sent events, no reload), who gets the unread badge, a toast and a browser notification,
 * while the other agent never sees it.
 */
const channel = { phoneNumberId: '106000000000919', displayPhone: '15550100919', wabaId: '102000000000919' };
const appSecret = 'teams-e2e-app-secret';
const accessToken = 'EAAG-teams-e2e-access-token';
const ana = { email: 'ana@fluxo.test', password: 'senha-da-ana-1234', name: 'Ana' };
const bruno = { email: 'bruno@fluxo.test', password: 'senha-do-bruno-123', name: 'Bruno' };
const first = { waId: '5511911110001', name: 'Primeiro Cliente' };
const second = { waId: '5511911110002', name: 'Segunda Cliente' };

const flow: FlowDocumentInput = {
  name: 'Vendas — equipe',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    {
      id: 'human',
      type: 'handoff',
      position: { x: 0, y: 150 },
      data: { team: 'Vendas', priority: 'high', message: 'Já te passo para a equipe de vendas.', note: '' },
    },
    { id: 'end', type: 'end', position: { x: 0, y: 300 }, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'human' },
    { id: 'e2', source: 'human', sourceHandle: 'resolved', target: 'end' },
  ],
};

let harness: Harness;
let fake: FakeGraph;
let admin: { context: BrowserContext; page: Page };
let pages: Page[] = [];
let seq = 0;

async function contactSays(from: { waId: string; name: string }, text: string): Promise<void> {
  await deliverWebhook(
    harness.baseUrl,
    appSecret,
    messageWebhook({
      ...channel,
      wamid: `wamid.teams-e2e.${++seq}`,
      from: from.waId,
      name: from.name,
      timestamp: new Date(),
      text,
    }),
  );
}

/** An agent signed in on the inbox, with browser notifications allowed and counted as shown. */
async function agentPage(credentials: { email: string; password: string }): Promise<Page> {
  const { context, page } = await harness.newPage();
  await context.grantPermissions(['notifications'], { origin: harness.baseUrl });
  // The real Notification API, watched: headless Chromium has no screen to show them on.
  await context.addInitScript(() => {
    const Real = window.Notification;
    const shown: string[] = [];
    (window as unknown as { shownNotifications: string[] }).shownNotifications = shown;
    window.Notification = class extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push(options?.body ?? '');
      }
    } as typeof Notification;
  });
  await login(page, credentials);
  await expect.poll(() => new URL(page.url()).pathname).toBe('/inbox');
  pages.push(page);
  return page;
}

const optionNames = (page: Page) =>
  page.getByRole('listbox', { name: 'Conversas' }).getByRole('option').allInnerTexts();

beforeAll(async () => {
  ({ fake, harness } = await startWithFakeGraph(accessToken));
  admin = await harness.newPage();
  await login(admin.page);
  const api = admin.page.request;
  const ids: string[] = [];
  for (const person of [ana, bruno]) {
    const { user } = await postJson<{ user: { id: string } }>(api, '/api/users', { ...person, role: 'agent' });
    ids.push(user.id);
  }
  await postJson(api, '/api/teams', {
    name: 'Vendas',
    slaSeconds: 300,
    memberIds: ids,
    cannedReplies: [{ title: 'Boas-vindas', text: 'Olá! Aqui é da equipe de vendas, como posso ajudar?' }],
  });
  const flowId = await publishFlow(api, flow, 'teams e2e');
  await postJson(api, '/api/channels', {
    name: 'Loja',
    ...channel,
    accessToken,
    appSecret,
    verifyToken: 'teams-e2e-verify',
    flowId,
  });
}, 180_000);

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') for (const p of pages) await saveFailureScreenshot(p, task.name);
});

afterAll(async () => {
  await admin?.context.close();
  await harness?.stop();
  await fake?.close();
});

describe('team routing, live', () => {
  it('assigns a new handoff to the less-loaded online agent; the other never sees it', async () => {
    const brunoPage = await agentPage(bruno);
    const anaPage = await agentPage(ana);

    // Bruno goes online first and gets the first customer: now he holds one.
    await brunoPage.getByTestId('presence').selectOption('online');
    await expect.poll(() => brunoPage.getByTestId('presence').inputValue()).toBe('online');
    await contactSays(first, 'Oi, quero comprar');
    await expect.poll(() => optionNames(brunoPage), { timeout: 20_000 }).toEqual([expect.stringContaining(first.name)]);
    expect((await optionNames(brunoPage))[0]).toContain('Com você');

    // Ana comes online with nothing: the next customer is hers, live, with badge, toast and notification.
    await anaPage.getByTestId('presence').selectOption('online');
    await expect.poll(() => anaPage.getByTestId('presence').inputValue()).toBe('online');
    expect(await optionNames(anaPage)).toEqual([]);
    await contactSays(second, 'Boa tarde, tem desconto?');
    await expect.poll(() => optionNames(anaPage), { timeout: 20_000 }).toEqual([expect.stringContaining(second.name)]);
    const option = (await optionNames(anaPage))[0] ?? '';
    expect(option).toContain('Com você');
    expect(option).toContain('Alta');
    expect(option).toMatch(/SLA \d+:\d{2}/);
    await expect
      .poll(() =>
        anaPage
          .getByRole('link', { name: /Caixa de entrada/ })
          .getByTestId('inbox-badge')
          .innerText(),
      )
      .toBe('1');
    await anaPage.getByText(`Novo atendimento para você: ${second.name}`).first().waitFor();
    await expect
      .poll(() => anaPage.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications))
      .toContain(`Novo atendimento para você: ${second.name}`);

    // Bruno still sees only his own: Ana's conversation never reaches his list.
    expect(await optionNames(brunoPage)).toEqual([expect.stringContaining(first.name)]);
    const notHis = await brunoPage.evaluate(() =>
      fetch('/api/handoffs').then((r) => r.json() as Promise<{ handoffs: { contact: { name: string } }[] }>),
    );
    expect(notHis.handoffs.map((h) => h.contact.name)).toEqual([first.name]);

    // Opening it clears the badge.
    await anaPage.getByRole('option', { name: new RegExp(second.name) }).click();
    await expect
      .poll(() =>
        anaPage
          .getByRole('link', { name: /Caixa de entrada/ })
          .getByTestId('inbox-badge')
          .count(),
      )
      .toBe(0);

    // A canned reply of her team fills the reply box.
    await anaPage.getByTestId('canned-replies').selectOption({ label: 'Boas-vindas' });
    await expect
      .poll(() => anaPage.getByLabel('Sua resposta').inputValue())
      .toBe('Olá! Aqui é da equipe de vendas, como posso ajudar?');
    await anaPage.screenshot({ path: join(screenshotsDir, 'inbox-teams.png') });
  });

  it('the inbox with presence and SLA fits a 390 px phone', async () => {
    const { context, page } = await newPhonePage(harness);
    pages.push(page);
    await loginOnPhone(page, ana);
    await page.goto('/inbox');
    await page.getByTestId('presence').waitFor();
    await page.getByTestId('sla-timer').first().waitFor();
    expect(await horizontalOverflow(page)).toBeNull();
    await context.close();
  });
});

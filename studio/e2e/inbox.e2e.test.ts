import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { startFakeGraphApi, type FakeGraph, type FakeGraphRequest } from '../../server/testing/fake-graph-api.ts';
import { waitUntilServerIdle } from '../../server/testing/server-idle.ts';
import { messageWebhook } from '../../server/testing/webhook-payloads.ts';
import { focused, named, tabTo, unlabelledControls } from './focus.ts';
import { login, saveFailureScreenshot, screenshotsDir, startHarness, type Harness } from './harness.ts';
import { deliverWebhook, postJson } from './whatsapp.ts';

/**
 * An agent's shift, end to end: a real WhatsApp delivery (signed webhook) reaches a published
 * flow that hands over to a person; the agent finds it in the inbox, claims it, answers (and
 * the fake Graph API receives exactly that text), and resolves it, so the bot takes over again.
 */
const channel = { phoneNumberId: '106000000000777', displayPhone: '15550100777', wabaId: '102000000000777' };
const appSecret = 'inbox-e2e-app-secret';
const accessToken = 'EAAG-inbox-e2e-access-token';
const contact = { waId: '5511987654321', name: 'Carla Souza' };
const agent = { email: 'pedro@fluxo.test', password: 'senha-do-pedro-123' };
const reply = 'Oi Carla! Sou o Pedro, corretor. Amanhã às 15h fica bom para a visita?';

const handoffFlow: FlowDocumentInput = {
  name: 'Imóveis — atendimento',
  variables: [
    { name: 'interesse', type: 'string' },
    { name: 'bairro', type: 'string' },
  ],
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    {
      id: 'lead',
      type: 'set',
      position: { x: 0, y: 120 },
      data: {
        assignments: [
          { variable: 'interesse', value: 'apartamento 2 quartos' },
          { variable: 'bairro', value: 'Pinheiros' },
        ],
      },
    },
    {
      id: 'human',
      type: 'handoff',
      position: { x: 0, y: 240 },
      data: {
        team: 'corretores',
        message: 'Vou te passar para um corretor.',
        note: 'Lead quer {{interesse}} em {{bairro}}',
      },
    },
    { id: 'back', type: 'message', position: { x: 0, y: 360 }, data: { text: 'Voltei! Posso ajudar em algo mais?' } },
    { id: 'end', type: 'end', position: { x: 0, y: 480 }, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'lead' },
    { id: 'e2', source: 'lead', sourceHandle: 'next', target: 'human' },
    { id: 'e3', source: 'human', sourceHandle: 'resolved', target: 'back' },
    { id: 'e4', source: 'back', sourceHandle: 'next', target: 'end' },
  ],
};

let harness: Harness;
let fake: FakeGraph;
let admin: { context: BrowserContext; page: Page };
let page: Page;
let seq = 0;

/** What a contact types on their phone, delivered as Meta would: escaped JSON signed with the app secret. */
async function contactSays(text: string, from = contact): Promise<void> {
  await deliverWebhook(
    harness.baseUrl,
    appSecret,
    messageWebhook({
      ...channel,
      wamid: `wamid.inbox-e2e.${++seq}`,
      from: from.waId,
      name: from.name,
      timestamp: new Date(),
      text,
    }),
  );
}

const metricsToken = 'inbox-e2e-metrics-token';
const textOf = (send: FakeGraphRequest) => (send.body as { text?: { body?: string } }).text?.body;
/** Meta takes the number with or without `+`. */
const recipientOf = (send: FakeGraphRequest) => (send.body as { to?: string }).to?.replace(/^\+/, '');

beforeAll(async () => {
  fake = await startFakeGraphApi({ expectedToken: accessToken });
  harness = await startHarness({ env: { WHATSAPP_GRAPH_URL: fake.url, METRICS_TOKEN: metricsToken } });
  admin = await harness.newPage();
  await login(admin.page);

  // The admin's side, through the API with the signed-in page's cookies: an agent, a published flow, a number.
  const api = admin.page.request;
  await postJson(api, '/api/users', { ...agent, name: 'Pedro', role: 'agent' });
  const { flow } = await postJson<{ flow: { id: string } }>(api, '/api/flows', {
    name: handoffFlow.name,
    flow: handoffFlow,
  });
  await postJson(api, `/api/flows/${flow.id}/publish`, { note: 'inbox e2e' });
  await postJson(api, '/api/channels', {
    name: 'Imobiliária',
    ...channel,
    accessToken,
    appSecret,
    verifyToken: 'inbox-e2e-verify',
    flowId: flow.id,
  });
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && page) await saveFailureScreenshot(page, task.name);
});

afterAll(async () => {
  await admin?.context.close();
  await harness?.stop();
  await fake?.close();
});

describe('agent inbox', () => {
  it('hands a WhatsApp contact to an agent, who claims, answers and resolves', async () => {
    await contactSays('Oi, quero visitar o apartamento');
    const [handoffMessage] = await fake.waitForSent(1, 20_000);
    expect(handoffMessage && textOf(handoffMessage)).toBe('Vou te passar para um corretor.');

    // The agent signs in and lands on the inbox.
    const agentSession = await harness.newPage();
    page = agentSession.page;
    await login(page, agent);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/inbox');
    // The agents' old home still leads here.
    await page.goto('/agent');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/inbox');
    expect(
      await page.getByRole('navigation', { name: 'Navegação principal' }).getByRole('link').allInnerTexts(),
    ).toEqual(['Conversas', 'Caixa de entrada', 'Contatos', 'Pedidos', 'Agenda']);

    const option = page.getByRole('listbox', { name: 'Conversas' }).getByRole('option', { name: /Carla Souza/ });
    await option.waitFor();
    expect(await page.getByTestId('poll-status').innerText()).toMatch(/Atualizado às \d{2}:\d{2}:\d{2}/);
    const summary = await option.innerText();
    expect(summary).toContain('+55 11 98765-4321');
    expect(summary).toContain('Equipe corretores');
    expect(summary).toContain('Na fila');

    // Keyboard: the list is one Tab stop; Enter opens the conversation.
    await option.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/inbox\/.+/);
    expect(await option.getAttribute('aria-selected')).toBe('true');
    await page.getByRole('heading', { level: 2, name: 'Carla Souza' }).waitFor();

    const messages = page.getByTestId('inbox-message');
    await expect.poll(() => messages.count()).toBe(2);
    expect(await messages.nth(0).getAttribute('data-author')).toBe('contact');
    expect(await messages.nth(0).innerText()).toContain('Oi, quero visitar o apartamento');
    expect(await messages.nth(1).getAttribute('data-author')).toBe('bot');
    expect(await messages.nth(1).innerText()).toContain('Vou te passar para um corretor.');

    const context = page.getByTestId('inbox-context');
    expect(await context.innerText()).toContain('Lead quer apartamento 2 quartos em Pinheiros');
    expect(await context.getByRole('definition').allInnerTexts()).toEqual(['Pinheiros', 'apartamento 2 quartos']);

    // Not claimed yet: the reply box is disabled and says why.
    const replyBox = page.getByLabel('Sua resposta');
    expect(await replyBox.isDisabled()).toBe(true);
    expect(await page.getByTestId('reply-box').innerText()).toContain('Assuma a conversa para responder');

    // The open conversation follows what the contact keeps sending (polling), while the bot stays silent.
    await contactSays('Pode ser amanhã à tarde?');
    await expect.poll(() => messages.count(), { timeout: 15_000 }).toBe(3);
    expect(await messages.nth(2).innerText()).toContain('Pode ser amanhã à tarde?');

    await page.getByRole('button', { name: 'Assumir', exact: true }).click();
    await expect.poll(() => page.getByTestId('holder').innerText()).toBe('Com você');
    await expect.poll(() => option.innerText()).toContain('Com você');
    expect(await replyBox.isDisabled()).toBe(false);
    // The focus moved to where the agent will type next.
    expect(await replyBox.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.keyboard.type(reply);
    await page.keyboard.press('Enter');
    const sent = await fake.waitForSent(2, 20_000);
    const answer = sent[1];
    expect(answer && textOf(answer)).toBe(reply);
    expect(answer && recipientOf(answer)).toBe(contact.waId);
    expect(answer?.phoneNumberId).toBe(channel.phoneNumberId);
    await expect.poll(() => page.locator('[data-author="agent"]').innerText()).toContain(reply);
    expect(await replyBox.inputValue()).toBe('');
    await expect
      .poll(() => page.locator('[data-author="agent"] .inbox-delivery').innerText(), { timeout: 10_000 })
      .toBe('enviada');

    await page.screenshot({ path: join(screenshotsDir, 'inbox.png') });

    await page.getByRole('button', { name: 'Encerrar', exact: true }).click();
    const confirm = page.getByTestId('confirm-dialog');
    expect(await confirm.innerText()).toContain('O robô volta a conversar com Carla Souza');
    await confirm.getByRole('button', { name: 'Encerrar' }).click();
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => option.count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/inbox');
    await page.getByRole('heading', { name: 'Nenhuma conversa esperando' }).waitFor();

    // The flow continued at its `resolved` output, and nothing was sent twice.
    const after = await fake.waitForSent(3, 20_000);
    expect(after.map(textOf)).toEqual(['Vou te passar para um corretor.', reply, 'Voltei! Posso ajudar em algo mais?']);
    // Once nothing is pending or in flight, nothing more can be sent.
    await waitUntilServerIdle(harness.baseUrl, metricsToken);
    expect(fake.sent()).toHaveLength(3);
    await agentSession.context.close();
  });

  it('walks the queue with the arrow keys and works a conversation with the keyboard only', async () => {
    // The queue lists the longest wait first: Ana's handoff must be done before Bruno writes,
    // or the two contacts' turns may finish in either order.
    const sentBeforeAna = fake.sent().length;
    await contactSays('Boa tarde', { waId: '5521911112222', name: 'Ana Lima' });
    await fake.waitForSent(sentBeforeAna + 1, 20_000);
    await contactSays('Olá!', { waId: '5531933334444', name: 'Bruno Reis' });
    page = admin.page;
    await page.goto('/inbox');
    const list = page.getByRole('listbox', { name: 'Conversas' });
    const options = list.getByRole('option');
    await expect.poll(() => options.count(), { timeout: 20_000 }).toBe(2);
    const selected = () => list.getByRole('option', { selected: true }).innerText();

    // One Tab stop for the whole list: from the last filter button, Tab lands on the first conversation.
    await page.getByRole('button', { name: /^Em atendimento/ }).focus();
    await page.keyboard.press('Tab');
    expect(await options.first().evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(selected).toContain('Ana Lima');
    await page.keyboard.press('ArrowDown');
    await expect.poll(selected).toContain('Bruno Reis');
    await page.getByRole('heading', { level: 2, name: 'Bruno Reis' }).waitFor();
    expect(await options.nth(1).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Home');
    await expect.poll(selected).toContain('Ana Lima');
    await page.keyboard.press('ArrowUp');
    await expect.poll(selected).toContain('Ana Lima');
    await page.keyboard.press('End');
    await expect.poll(selected).toContain('Bruno Reis');
    // Tab leaves the list for the conversation's actions.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).not.toBe('option');

    // The conversation's actions, keyboard only: claim, answer, resolve through its confirmation.
    expect(await unlabelledControls(page)).toEqual([]);
    await tabTo(page, named('Assumir'));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('holder').innerText()).toBe('Com você');
    // The server's event may show the claim a moment before the claim's own answer moves the focus.
    await expect.poll(async () => (await focused(page)).name).toBe('Sua resposta');
    const sentBefore = fake.sent().length;
    await page.keyboard.type('Olá Bruno, já te atendo.');
    await page.keyboard.press('Enter');
    const sent = await fake.waitForSent(sentBefore + 1, 20_000);
    expect(sent.slice(sentBefore).map(textOf)).toEqual(['Olá Bruno, já te atendo.']);
    expect(recipientOf(sent[sentBefore]!)).toBe('5531933334444');

    const resolve = await tabTo(page, named('Encerrar'));
    expect(resolve.ring).toBe(true);
    await page.keyboard.press('Enter');
    const confirm = page.getByTestId('confirm-dialog');
    await confirm.waitFor();
    // Cancel has the focus (the safe choice); Esc closes without resolving and gives the focus back.
    expect(await focused(page)).toMatchObject({ inDialog: true, name: 'Cancelar' });
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect((await focused(page)).name).toBe('Encerrar');
    expect(await options.count()).toBe(2);
    await page.keyboard.press('Enter');
    await confirm.waitFor();
    await tabTo(page, (f) => f.inDialog && f.name === 'Encerrar');
    await page.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => options.count()).toBe(1);
    expect(await options.first().innerText()).toContain('Ana Lima');
  });

  it("lets an admin take over an agent's conversation, which then leaves the agent's inbox", async () => {
    // Pedro claims Ana Lima's conversation, still in the queue from the test before.
    const agentSession = await harness.newPage();
    page = agentSession.page;
    await login(page, agent);
    const agentList = page.getByRole('listbox', { name: 'Conversas' });
    const ana = agentList.getByRole('option', { name: /Ana Lima/ });
    await ana.click();
    await page.getByRole('button', { name: 'Assumir', exact: true }).click();
    await expect.poll(() => page.getByTestId('holder').innerText()).toBe('Com você');
    const path = new URL(page.url()).pathname;

    // The admin sees who holds it and takes it over (a reassignment to themself).
    const adminPage = admin.page;
    await adminPage.goto(path);
    await expect.poll(() => adminPage.getByTestId('holder').innerText(), { timeout: 15_000 }).toBe('Com outra pessoa');
    await adminPage.getByRole('button', { name: 'Assumir no lugar' }).click();
    const confirm = adminPage.getByTestId('confirm-dialog');
    await confirm.getByRole('button', { name: 'Assumir no lugar' }).click();
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => adminPage.getByTestId('holder').innerText()).toBe('Com você');

    // Pedro's open conversation says it is someone else's now, and his queue no longer lists it.
    await page.getByText('Outra pessoa da equipe assumiu esta conversa.').waitFor({ timeout: 20_000 });
    await expect.poll(() => ana.count(), { timeout: 20_000 }).toBe(0);
    expect(await page.getByRole('button', { name: 'Assumir no lugar' }).count()).toBe(0);
    await agentSession.context.close();
  });

  it('is open to admins too, and not to editors', async () => {
    const api = admin.page.request;
    await postJson(api, '/api/users', { email: 'editora@fluxo.test', password: 'senha-da-editora-1', role: 'editor' });
    await admin.page.goto('/inbox');
    await admin.page.getByRole('heading', { level: 1, name: 'Caixa de entrada' }).waitFor();
    expect(await admin.page.getByRole('link', { name: 'Caixa de entrada' }).getAttribute('aria-current')).toBe('page');

    const editor = await harness.newPage();
    page = editor.page;
    await login(page, { email: 'editora@fluxo.test', password: 'senha-da-editora-1' });
    await page.goto('/inbox');
    await page.getByRole('heading', { name: 'Sem acesso a esta página' }).waitFor();
    expect(await page.getByRole('link', { name: 'Caixa de entrada' }).count()).toBe(0);
    await editor.context.close();
  });
});

import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import type { FakeGraph } from '../../server/testing/fake-graph-api.ts';
import { messageWebhook } from '../../server/testing/webhook-payloads.ts';
import { clickNav, login, saveFailureScreenshot, screenshotsDir, type Harness } from './harness.ts';
import { deliverWebhook, postJson, publishFlow, startWithFakeGraph } from './whatsapp.ts';

/**
 * Team work end to end: an admin creates a team with a canned reply on Usuários; a contact's
 * handoff goes to the team's online agent, who answers with the canned reply (the contact's name
 * filled in) and transfers the conversation to another team with a note; the supervisor sees the
 * floor (presence, load, the other team's queue) and the transfer note in the history, marked internal.
 */
const channel = { phoneNumberId: '106000000000929', displayPhone: '15550100929', wabaId: '102000000000929' };
const appSecret = 'team-work-e2e-app-secret';
const accessToken = 'EAAG-team-work-e2e-token';
const ana = { email: 'ana@fluxo.test', password: 'senha-da-ana-1234', name: 'Ana' };
const chefe = { email: 'chefe@fluxo.test', password: 'senha-do-chefe-12', name: 'Chefe' };
const customer = { waId: '5511922220001', name: 'Carla Cliente' };

const flow: FlowDocumentInput = {
  name: 'Vendas — atendimento',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    {
      id: 'human',
      type: 'handoff',
      position: { x: 0, y: 150 },
      data: { team: 'Vendas', priority: 'normal', message: 'Um momento, já te atendemos.', note: '' },
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
const contexts: BrowserContext[] = [];
const pages: Page[] = [];

async function signedIn(credentials?: { email: string; password: string }): Promise<Page> {
  const { context, page } = await harness.newPage();
  contexts.push(context);
  pages.push(page);
  await login(page, credentials);
  return page;
}

async function contactSays(text: string): Promise<void> {
  await deliverWebhook(
    harness.baseUrl,
    appSecret,
    messageWebhook({
      ...channel,
      wamid: `wamid.team-work.${text.length}`,
      from: customer.waId,
      name: customer.name,
      timestamp: new Date(),
      text,
    }),
  );
}

beforeAll(async () => {
  ({ fake, harness } = await startWithFakeGraph(accessToken));
}, 240_000);

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') for (const p of pages) await saveFailureScreenshot(p, task.name);
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await harness?.stop();
  await fake?.close();
});

describe('team work in the studio', () => {
  it('admin makes a team with a canned reply; the agent uses it and transfers; the supervisor sees the floor', async () => {
    const admin = await signedIn();
    await postJson(admin.request, '/api/users', { ...ana, role: 'agent' });
    await postJson(admin.request, '/api/users', { ...chefe, role: 'supervisor' });
    await postJson(admin.request, '/api/teams', { name: 'Financeiro' });
    const flowId = await publishFlow(admin.request, flow, 'team work e2e');
    await postJson(admin.request, '/api/channels', {
      name: 'Loja',
      ...channel,
      accessToken,
      appSecret,
      verifyToken: 'team-work-e2e-verify',
      flowId,
    });

    // The admin creates Vendas on Usuários: Ana as member, a canned reply with the contact's name.
    await clickNav(admin, 'Usuários');
    const section = admin.getByTestId('teams-section');
    await section.getByRole('button', { name: 'Nova equipe' }).click();
    const form = admin.getByTestId('team-form');
    await form.getByRole('textbox', { name: /^Nome/ }).fill('Vendas');
    await form.getByRole('spinbutton', { name: /^Prazo de primeira resposta/ }).fill('10');
    await form.getByRole('checkbox', { name: /Ana/ }).check();
    await form.getByRole('button', { name: 'Adicionar resposta' }).click();
    await form.getByLabel('Título da resposta 1').fill('Saudação');
    await form.getByLabel('Texto da resposta 1').fill('Olá {{contact.name}}, aqui é a Ana!');
    await form.getByRole('button', { name: 'Salvar equipe' }).click();
    const row = section.getByTestId('teams').getByRole('row', { name: /Vendas/ });
    await expect.poll(() => row.innerText()).toContain('Ana');
    expect(await row.innerText()).toContain('10 min');

    // Ana comes online; the contact's handoff is routed to her.
    const anaPage = await signedIn(ana);
    await anaPage.goto('/inbox');
    await anaPage.getByTestId('presence').selectOption('online');
    await expect.poll(() => anaPage.getByTestId('presence').inputValue()).toBe('online');
    await contactSays('Quero pagar minha fatura');
    const option = anaPage.getByRole('option', { name: new RegExp(customer.name) });
    await option.waitFor({ timeout: 20_000 });
    await option.click();
    // "/" and part of the title offers the reply; Enter takes it, filled in.
    await anaPage.getByLabel('Sua resposta').fill('/sau');
    await anaPage.getByTestId('slash-replies').getByRole('button', { name: 'Saudação' }).waitFor();
    await anaPage.getByLabel('Sua resposta').press('Enter');
    await expect
      .poll(() => anaPage.getByLabel('Sua resposta').inputValue())
      .toBe(`Olá ${customer.name}, aqui é a Ana!`);
    await anaPage.getByRole('button', { name: 'Enviar' }).click();
    await expect
      .poll(() => anaPage.getByTestId('inbox-message').allInnerTexts(), { timeout: 15_000 })
      .toContainEqual(expect.stringContaining(`Olá ${customer.name}, aqui é a Ana!`));

    // She transfers it to Financeiro's queue with a note: it leaves her inbox.
    await anaPage.getByRole('button', { name: 'Transferir' }).click();
    const transfer = anaPage.getByTestId('transfer-dialog');
    await transfer.getByRole('combobox', { name: /^Para/ }).selectOption({ label: 'Financeiro' });
    await transfer.getByRole('textbox', { name: /^Nota para quem recebe/ }).fill('cliente quer segunda via do boleto');
    await transfer.getByRole('button', { name: 'Transferir' }).click();
    await anaPage.getByText('Conversa transferida.').waitFor();
    await expect.poll(() => anaPage.getByRole('option', { name: new RegExp(customer.name) }).count()).toBe(0);

    // The supervisor's floor: Ana online with none of her capacity used, one waiting in Financeiro.
    const chefePage = await signedIn(chefe);
    await chefePage.goto('/inbox');
    const agents = chefePage.getByTestId('supervisor-agents');
    await expect.poll(() => agents.getByRole('row', { name: /Ana/ }).innerText()).toMatch(/Disponível\s+0 \/ 5/);
    const queue = chefePage.getByTestId('supervisor-queues').getByRole('row', { name: /Financeiro/ });
    await expect.poll(() => queue.innerText()).toMatch(/Financeiro\s+1/);
    await chefePage.screenshot({ path: join(screenshotsDir, 'inbox-supervisor.png') });

    // The conversation's history carries the transfer note, marked internal, and a new internal note.
    await chefePage.getByRole('option', { name: new RegExp(customer.name) }).click();
    const transferNote = chefePage.locator('[data-testid="inbox-note"][data-kind="transfer"]');
    await expect.poll(() => transferNote.innerText()).toContain('cliente quer segunda via do boleto');
    await chefePage.getByRole('button', { name: 'Nota interna' }).click();
    await chefePage.getByTestId('handoff-text-dialog').getByLabel('Texto').fill('liguei para o financeiro');
    await chefePage.getByTestId('handoff-text-dialog').getByRole('button', { name: 'Salvar nota' }).click();
    await expect
      .poll(() => chefePage.locator('[data-testid="inbox-note"][data-kind="note"]').allInnerTexts())
      .toContainEqual(expect.stringContaining('liguei para o financeiro'));
    // Never sent: the contact got the bot's message and Ana's reply only.
    const sentTexts = fake.sent().map((m) => JSON.stringify(m));
    expect(sentTexts.some((m) => m.includes('aqui é a Ana!'))).toBe(true);
    expect(sentTexts.some((m) => m.includes('liguei para o financeiro'))).toBe(false);
    expect(sentTexts.some((m) => m.includes('segunda via'))).toBe(false);
  }, 240_000);
});

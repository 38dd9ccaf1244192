import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { startFakeGraphApi, type FakeGraph, type FakeGraphRequest } from '../../server/testing/fake-graph-api.ts';
import { messageWebhook } from '../../server/testing/webhook-payloads.ts';
import { admin, login, saveFailureScreenshot, startHarness, type Harness } from './harness.ts';
import { deliverWebhook, postJson } from './whatsapp.ts';
import { expectNoHorizontalScroll, loginOnPhone, newPhonePage } from './phone.ts';

/**
 * The studio on a 390 × 844 phone, for each role: no page scrolls sideways, the menu reaches
 * every page, an agent answers a contact, and the editor shows its canvas read-only.
 */

/** The studio's pages (SPEC, "Additions (December 2026)"). */
const studioPages = [
  '/flows',
  '/inbox',
  '/conversations',
  '/contacts',
  '/orders',
  '/campaigns',
  '/templates',
  '/agenda',
  '/dashboard',
  '/settings',
  '/audit',
  '/channels',
  '/catalog',
  '/users',
] as const;
/** Pages other branches are still building: remove each one here as its page lands. */
const notYetBuilt: ReadonlySet<string> = new Set<string>();
const pagesToVisit = studioPages.filter((path) => !notYetBuilt.has(path));

const channel = { phoneNumberId: '106000000000390', displayPhone: '15550100390', wabaId: '102000000000390' };
const appSecret = 'phone-e2e-app-secret';
const accessToken = 'EAAG-phone-e2e-access-token';
const contact = { waId: '5511912345678', name: 'Renata Lima' };
const users = {
  admin,
  editor: { email: 'edna@fluxo.test', password: 'senha-da-edna-390' },
  agent: { email: 'augusto@fluxo.test', password: 'senha-do-augusto-390' },
} as const;
const reply = 'Oi Renata, aqui é o Augusto. Já vejo seu pedido!';

const handoffFlow: FlowDocumentInput = {
  name: 'Loja — atendimento no celular',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    {
      id: 'hello',
      type: 'message',
      position: { x: 0, y: 140 },
      data: { text: 'Olá! Já vou te passar para alguém da loja.' },
    },
    {
      id: 'human',
      type: 'handoff',
      position: { x: 0, y: 300 },
      data: { team: 'loja', message: 'Um momento, por favor.' },
    },
    { id: 'end', type: 'end', position: { x: 0, y: 460 }, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'hello' },
    { id: 'e2', source: 'hello', sourceHandle: 'next', target: 'human' },
    { id: 'e3', source: 'human', sourceHandle: 'resolved', target: 'end' },
  ],
};

let harness: Harness;
let fake: FakeGraph;
let desk: { context: BrowserContext; page: Page };
let flowId = '';
let current: Page | undefined;

/** Waits until the page has drawn its content: a heading or the editor, and nothing still loading. */
async function settle(page: Page): Promise<void> {
  await page.locator('main h1, main [data-testid="flow-canvas"]').first().waitFor();
  await expect.poll(() => page.locator('main .loading').count()).toBe(0);
}

async function phoneAs(role: keyof typeof users): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await newPhonePage(harness);
  current = opened.page;
  await loginOnPhone(opened.page, users[role]);
  return opened;
}

beforeAll(async () => {
  fake = await startFakeGraphApi({ expectedToken: accessToken });
  harness = await startHarness({ env: { WHATSAPP_GRAPH_URL: fake.url } });
  desk = await harness.newPage();
  await login(desk.page);
  const api = desk.page.request;
  await postJson(api, '/api/users', { ...users.editor, name: 'Edna', role: 'editor' });
  await postJson(api, '/api/users', { ...users.agent, name: 'Augusto', role: 'agent' });
  const { flow } = await postJson<{ flow: { id: string } }>(api, '/api/flows', {
    name: handoffFlow.name,
    flow: handoffFlow,
  });
  flowId = flow.id;
  await postJson(api, `/api/flows/${flow.id}/publish`, { note: 'phone e2e' });
  await postJson(api, '/api/channels', {
    name: 'Loja',
    ...channel,
    accessToken,
    appSecret,
    verifyToken: 'phone-e2e-verify',
    flowId: flow.id,
  });
  // A contact reaches the team, so the inbox has a conversation to open.
  await deliverWebhook(
    harness.baseUrl,
    appSecret,
    messageWebhook({
      ...channel,
      wamid: 'wamid.phone-e2e.1',
      from: contact.waId,
      name: contact.name,
      timestamp: new Date(),
      text: 'Oi, meu pedido não chegou',
    }),
  );
  await fake.waitForSent(2, 20_000);
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && current) await saveFailureScreenshot(current, task.name);
});

afterAll(async () => {
  await desk?.context.close();
  await harness?.stop();
  await fake?.close();
});

describe('the studio on a phone', () => {
  it('lets no page scroll sideways, for any role', async () => {
    // The sign-in page and an unknown address first, signed out and then in.
    const { context, page } = await newPhonePage(harness);
    current = page;
    await page.goto('/login');
    await page.getByLabel('E-mail').waitFor();
    await expectNoHorizontalScroll(page);
    await context.close();

    for (const role of ['admin', 'editor', 'agent'] as const) {
      const { context: phone, page: p } = await phoneAs(role);
      for (const path of [...pagesToVisit, '/nao-existe']) {
        await p.goto(path);
        await settle(p);
        await expectNoHorizontalScroll(p, `${path} as ${role}`);
      }
      await phone.close();
    }
  });

  it('opens the menu, moves focus into it, closes on Esc and on navigation', async () => {
    const { context, page } = await phoneAs('admin');
    await page.goto('/flows');
    await settle(page);
    // The top bar's own links are folded away; the menu button stands for them.
    expect(await page.getByRole('navigation', { name: 'Navegação principal' }).count()).toBe(0);
    const button = page.getByRole('button', { name: 'Menu', exact: true });
    expect(await button.getAttribute('aria-expanded')).toBe('false');

    await button.click();
    const menu = page.getByRole('dialog', { name: 'Menu' });
    await menu.waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await menu.getByRole('link').allInnerTexts()).toEqual([
      'Fluxos',
      'Conversas',
      'Caixa de entrada',
      'Contatos',
      'Pedidos',
      'Campanhas',
      'Agenda',
      'Painel',
      'Catálogo',
      'Modelos',
      'Canais',
      'Usuários',
      'Configurações',
      'Auditoria',
    ]);
    expect(await menu.getByRole('button', { name: 'Sair' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Fluxos');
    await expectNoHorizontalScroll(page, 'the open menu');

    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('☰ Menu');

    await button.click();
    await menu.getByRole('link', { name: 'Catálogo' }).click();
    await menu.waitFor({ state: 'detached' });
    await expect.poll(() => new URL(page.url()).pathname).toBe('/catalog');
    await page.getByRole('heading', { level: 1, name: 'Catálogo' }).waitFor();
    await context.close();
  });

  it('lets an agent open a conversation, answer from the phone and go back to the queue', async () => {
    const { context, page } = await phoneAs('agent');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/inbox');
    const option = page.getByRole('option', { name: /Renata Lima/ });
    await option.click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/inbox\/.+/);
    await page.getByRole('heading', { level: 2, name: 'Renata Lima' }).waitFor();
    // One at a time: the queue is gone while the conversation is open.
    expect(await option.isVisible()).toBe(false);
    await expectNoHorizontalScroll(page, 'an open conversation');

    await page.getByRole('button', { name: 'Assumir', exact: true }).click();
    const box = page.getByLabel('Sua resposta');
    await expect.poll(() => box.isEnabled()).toBe(true);
    await box.fill(reply);
    await page.getByRole('button', { name: 'Enviar' }).click();
    await expect
      .poll(
        () => fake.sent().some((s: FakeGraphRequest) => (s.body as { text?: { body?: string } }).text?.body === reply),
        { timeout: 20_000 },
      )
      .toBe(true);
    await expectNoHorizontalScroll(page, 'a conversation after a reply');

    await page.getByRole('link', { name: /Conversas na fila/ }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/inbox');
    await option.waitFor();
    await context.close();
  });

  it('shows the editor read-only: the canvas across the screen, the note, no palette', async () => {
    const { context, page } = await phoneAs('editor');
    await page.goto(`/flows/${flowId}`);
    const canvas = page.getByTestId('flow-canvas');
    await canvas.waitFor();
    await page.locator('.react-flow__node').first().waitFor();
    const box = await canvas.boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    expect(box?.height).toBeGreaterThan(300);
    expect(await page.getByTestId('phone-note').innerText()).toContain('Para editar, use uma tela maior');
    expect(await page.locator('.fx-palette').isVisible()).toBe(false);
    expect(await page.locator('.fx-inspector').isVisible()).toBe(false);
    await expectNoHorizontalScroll(page, 'the editor');

    // Blocks cannot be dragged, nor connections started from their handles.
    const hello = page.locator('.react-flow__node[data-id="hello"]');
    expect(await hello.getAttribute('class')).not.toMatch(/\bdraggable\b/);
    expect(
      await page
        .locator('.react-flow__handle')
        .first()
        .evaluate((el) => getComputedStyle(el).pointerEvents),
    ).toBe('none');
    const before = await hello.boundingBox();
    if (!before) throw new Error('the block is not on screen');
    await page.mouse.move(before.x + before.width / 2, before.y + 10);
    await page.mouse.down();
    await page.mouse.move(before.x + before.width / 2 + 80, before.y + 90, { steps: 6 });
    await page.mouse.up();
    // A drag on a read-only canvas pans the view; the block keeps its place in the flow.
    const saved = (await page.request.get(`/api/flows/${flowId}`).then((r) => r.json())) as {
      flow: { revision: number; draft: { nodes: { id: string; position: { x: number } }[] } };
    };
    expect(saved.flow.draft.nodes.find((n) => n.id === 'hello')?.position.x).toBe(0);
    expect(saved.flow.revision).toBe(1);

    // A published version opens read-only too, with nothing wider than the screen.
    await page.goto(`/flows/${flowId}/versions/1`);
    await page.getByRole('heading', { level: 1, name: /^Versão 1 de / }).waitFor();
    await page.locator('.react-flow__node').first().waitFor();
    await expectNoHorizontalScroll(page, 'a published version');

    // The simulator still runs, over the canvas.
    await page.goto(`/flows/${flowId}`);
    await page.getByTestId('open-simulator').click();
    const simulator = page.locator('.simulator');
    await simulator.waitFor();
    const simBox = await simulator.boundingBox();
    expect(simBox?.width).toBeGreaterThan(300);
    await expectNoHorizontalScroll(page, 'the simulator');
    await context.close();
  });
});

describe('the top bar on a narrow laptop', () => {
  it('puts the links that do not fit under "Mais", which opens, navigates and closes on Esc', async () => {
    const { context, page } = await harness.newPage();
    current = page;
    await page.setViewportSize({ width: 820, height: 700 });
    await login(page);
    await expectNoHorizontalScroll(page, 'the top bar at 820 px');
    const nav = page.getByRole('navigation', { name: 'Navegação principal' });
    const more = nav.getByRole('button', { name: /Mais/ });
    await more.waitFor();
    const inline = await nav.getByRole('link').allInnerTexts();
    expect(inline.length).toBeGreaterThan(0);
    expect(inline.length).toBeLessThan(5);
    // The bar itself does not overflow: its last item ends inside the bar.
    const bar = await nav.boundingBox();
    const button = await more.boundingBox();
    expect((button?.x ?? 0) + (button?.width ?? 0)).toBeLessThanOrEqual((bar?.x ?? 0) + (bar?.width ?? 0) + 1);

    await more.click();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    const all = await nav.getByRole('link').allInnerTexts();
    expect(all).toEqual([
      'Fluxos',
      'Conversas',
      'Caixa de entrada',
      'Contatos',
      'Pedidos',
      'Campanhas',
      'Agenda',
      'Painel',
      'Catálogo',
      'Modelos',
      'Canais',
      'Usuários',
      'Configurações',
      'Auditoria',
    ]);
    await page.keyboard.press('Escape');
    expect(await more.getAttribute('aria-expanded')).toBe('false');

    await more.click();
    await nav.getByRole('link', { name: 'Usuários' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/users');
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    expect(await more.getAttribute('class')).toContain('active');
    await context.close();
  });
});

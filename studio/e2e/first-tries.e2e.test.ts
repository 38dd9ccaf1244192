import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, useBrowserPage } from './harness.ts';
import { expectBotSays, typeInSimulator } from './simulator.ts';

/**
 * What a first-time user runs into when trying the studio: the simulator's first message,
 * shortcuts after a click on the empty canvas, and names in problems and on edges.
 */
let page: Page;

useBrowserPage(async (opened) => {
  ({ page } = opened);
  await login(page);
});

const canvas = () => page.getByTestId('flow-canvas');
const nodes = () => canvas().locator('.react-flow__node');
const pane = () => canvas().locator('.react-flow__pane');

/** Ids as the studio generates them: nothing the user reads should show them. */
const ids = {
  start: 'k3v9x1',
  hello: 'nycmrsbcd',
  menu: 'qz81lm0aa',
  buy: 'nre8r2czh',
  jump: 'g5hh0pz',
  toMenu: 'e4hs8d2k',
  toBuy: 'e0pq7zz1',
  first: 'e7tt2wq9',
};
const idPattern = new RegExp(Object.values(ids).join('|'));

const sampleFlow = {
  name: 'Primeiros passos',
  nodes: [
    { id: ids.start, type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: ids.hello, type: 'message', position: { x: 0, y: 150 }, data: { text: 'Olá, bem-vindo à imobiliária!' } },
    {
      id: ids.menu,
      type: 'menu',
      position: { x: 0, y: 300 },
      data: {
        text: 'Como posso ajudar?',
        options: [
          { id: 'p1', title: 'Comprar' },
          { id: 'p2', title: 'Alugar' },
        ],
      },
    },
    { id: ids.buy, type: 'message', position: { x: -150, y: 550 }, data: { text: 'Ótimo, vamos às compras' } },
    { id: ids.jump, type: 'goto', position: { x: 250, y: 550 }, data: { target: { kind: 'node', nodeId: ids.hello } } },
  ],
  edges: [
    { id: ids.first, source: ids.start, sourceHandle: 'next', target: ids.hello },
    { id: ids.toMenu, source: ids.hello, sourceHandle: 'next', target: ids.menu },
    { id: ids.toBuy, source: ids.menu, sourceHandle: 'opt-p1', target: ids.buy },
  ],
};

async function openFlow(body: object): Promise<void> {
  const res = await page.request.post('/api/flows', { data: body });
  expect(res.status()).toBe(201);
  const { flow } = (await res.json()) as { flow: { id: string } };
  await page.goto(`/flows/${flow.id}`);
  await canvas().waitFor();
  await expect.poll(() => nodes().count()).toBeGreaterThan(0);
}

/** Where the focus is, in terms of the editor's frame. */
const focusInEditor = () => page.evaluate(() => document.activeElement?.closest('.fx-editor') !== null);

async function nodesOutsideCanvas(): Promise<number> {
  const box = await canvas().boundingBox();
  if (!box) throw new Error('no canvas');
  let outside = 0;
  for (const b of await nodes().evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect))) {
    if (b.left < box.x - 1 || b.top < box.y - 1 || b.right > box.x + box.width + 1 || b.bottom > box.y + box.height + 1)
      outside++;
  }
  return outside;
}

describe('the simulator starts with the contact, as WhatsApp does', () => {
  it('opens on an empty chat, and the first message starts the flow instead of answering its menu', async () => {
    await openFlow({ name: 'Imobiliária', templateId: 'imobiliaria' });
    let simulated = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/simulate')) simulated++;
    });
    await page.getByTestId('open-simulator').click();
    const sim = page.getByTestId('simulator');
    const chat = sim.getByTestId('sim-chat');
    await sim.getByTestId('sim-hint').waitFor();
    expect(await chat.innerText()).toBe('Envie uma mensagem para começar');
    expect(await chat.locator('.bubble').count()).toBe(0);
    expect(simulated).toBe(0);

    await typeInSimulator(page, 'Olá, procuro um apartamento');
    await expectBotSays(page, 'Como posso te ajudar?');
    const text = await chat.innerText();
    expect(text).not.toMatch(/não entendi/i);
    expect(text.indexOf('Olá, procuro um apartamento')).toBeLessThan(text.indexOf('Como posso te ajudar?'));
    expect(await sim.getByTestId('sim-hint').count()).toBe(0);
    expect(simulated).toBe(1);

    // The menu now answers the next message: a tapped option leads on.
    await sim.getByTestId('sim-list-open').first().click();
    await page
      .getByTestId('sim-list-sheet')
      .getByRole('button', { name: /Simular financiamento/ })
      .click();
    await expect.poll(() => chat.innerText()).toContain('valor do imóvel');

    // Restarting empties the chat again and waits for the contact.
    await sim.getByRole('button', { name: 'Recomeçar' }).click();
    await sim.getByTestId('sim-hint').waitFor();
    expect(await chat.locator('.bubble').count()).toBe(0);
    expect(simulated).toBe(2);
    await sim.getByRole('button', { name: 'Fechar' }).click();
  });
});

describe('shortcuts after a click on the empty canvas', () => {
  it('undo, redo, Delete and Shift+1 act on the flow', async () => {
    await openFlow({ name: 'Atalhos', flow: sampleFlow });
    const before = await nodes().count();

    await page.getByTestId('palette-message').click();
    await expect.poll(() => nodes().count()).toBe(before + 1);
    await pane().click({ position: { x: 8, y: 8 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodes().count()).toBe(before);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => nodes().count()).toBe(before + 1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodes().count()).toBe(before);
    // The click left the focus in the editor, not on the page around it.
    expect(await focusInEditor()).toBe(true);

    // Select a block, pan the canvas by dragging its empty part (the selection stays), press Delete.
    await canvas().locator(`.react-flow__node[data-id="${ids.buy}"]`).click();
    await expect.poll(() => canvas().locator('.react-flow__node.selected').count()).toBe(1);
    const box = await pane().boundingBox();
    if (!box) throw new Error('no pane');
    await page.mouse.move(box.x + 10, box.y + 10);
    await page.mouse.down();
    await page.mouse.move(box.x + 60, box.y + 40, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.press('Delete');
    await expect.poll(() => nodes().count()).toBe(before - 1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodes().count()).toBe(before);

    // Zoomed in, some blocks are off screen; Shift+1 fits them all back.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -300);
    await expect.poll(nodesOutsideCanvas).toBeGreaterThan(0);
    await pane().click({ position: { x: 8, y: 8 } });
    await page.keyboard.press('Shift+Digit1');
    await expect.poll(nodesOutsideCanvas).toBe(0);
  });
});

describe('blocks named as people see them', () => {
  it('problems name blocks by their words and outputs by their labels, never by ids', async () => {
    await openFlow({ name: 'Nomes', flow: sampleFlow });
    await page.getByRole('button', { name: 'Problemas', exact: true }).click();
    const panel = page.getByTestId('problems-panel');
    await expect
      .poll(() => panel.innerText())
      .toContain('O menu "Como posso ajudar?": a saída "Alugar" não está ligada a nenhum bloco.');
    const text = await panel.innerText();
    expect(text).toContain('A mensagem "Ótimo, vamos às compras": a saída "Próximo" não está ligada a nenhum bloco.');
    expect(text).toContain(
      'O menu "Como posso ajudar?": a saída "Resposta inválida" não está ligada; se ela acontecer, a conversa termina ali.',
    );
    expect(text).not.toMatch(idPattern);
    await panel.getByRole('button', { name: 'Fechar problemas' }).click();
  });

  it('a jump names the block it goes to', async () => {
    const face = canvas().locator(`.react-flow__node[data-id="${ids.jump}"]`);
    expect(await face.innerText()).toContain('→ Mensagem · Olá, bem-vindo à imobiliária!');
    expect(await face.innerText()).not.toMatch(idPattern);
    // One line, as the far look's box height (face-height.ts) counts it.
    expect(await face.locator('.fx-text').evaluate((el) => el.clientHeight)).toBeLessThan(25);
  });

  it("an edge's screen-reader label names its blocks and output, not ids", async () => {
    const edge = canvas().locator(`.react-flow__edge[data-id="${ids.toBuy}"]`);
    // Before it is reached, a plain word: React Flow's default would be "Edge from <id> to <id>".
    expect(await edge.getAttribute('aria-label')).toBe('Ligação');
    expect(await canvas().locator('.react-flow__edge[aria-label*="Edge from"]').count()).toBe(0);
    await edge.focus();
    await expect
      .poll(() => edge.getAttribute('aria-label'))
      .toBe('Ligação de Menu de opções · Como posso ajudar?, saída "Comprar", para Mensagem · Ótimo, vamos às compras');
    const first = canvas().locator(`.react-flow__edge[data-id="${ids.first}"]`);
    await first.focus();
    await expect
      .poll(() => first.getAttribute('aria-label'))
      .toBe('Ligação de Início para Mensagem · Olá, bem-vindo à imobiliária!');
    expect(await first.getAttribute('aria-label')).not.toMatch(idPattern);
  });
});

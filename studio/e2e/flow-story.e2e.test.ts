import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Harness, login, screenshotsDir, useBrowserPage } from './harness.ts';
import { expectBotSays, simulatorPanel, typeInSimulator } from './simulator.ts';

/**
 * One business user's afternoon, in order: each step starts where the previous one left
 * off, as it would for a person (template → edit → test → publish → roll back → export).
 */
let harness: Harness;
let page: Page;
let flowUrl = '';
/** The menu node the user adds to the template. */
let addedId = '';

useBrowserPage((opened) => {
  ({ harness, page } = opened);
});

const canvas = () => page.getByTestId('flow-canvas');
const nodes = () => canvas().locator('.react-flow__node');
const node = (id: string) => canvas().locator(`.react-flow__node[data-id="${id}"]`);
const edges = () => canvas().locator('.react-flow__edge');
const saved = () =>
  expect.poll(() => page.getByTestId('save-status').getAttribute('data-status'), { timeout: 10_000 }).toBe('saved');

/** Where an element is once it stopped moving (layout and fit-view animate). */
async function settledBox(target: Locator) {
  let last = await target.boundingBox();
  let still = 0;
  for (let i = 0; i < 60; i++) {
    await page.waitForTimeout(100);
    const now = await target.boundingBox();
    const same = now && last && Math.abs(now.x - last.x) < 0.5 && Math.abs(now.y - last.y) < 0.5;
    still = same ? still + 1 : 0;
    if (now && still >= 4) return now;
    last = now;
  }
  throw new Error('element kept moving');
}

/** Draws an edge the way a person does: press on one handle, drag, release on the other. */
async function dragBetween(from: Locator, to: Locator): Promise<void> {
  const a = await settledBox(from);
  const b = await settledBox(to);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 8 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

/** A click on empty canvas clears the selection, so the inspector makes room. */
async function deselect(): Promise<void> {
  await canvas()
    .locator('.react-flow__pane')
    .click({ position: { x: 8, y: 8 } });
}

async function openVersions(): Promise<Locator> {
  const panel = page.getByTestId('versions-panel');
  if (!(await panel.isVisible())) await page.getByTestId('open-versions').click();
  await panel.waitFor();
  return panel;
}

async function publish(note: string): Promise<void> {
  await saved();
  await page.getByTestId('publish-button').click();
  const dialog = page.getByTestId('publish-dialog');
  await dialog.getByLabel('O que mudou? (opcional)').fill(note);
  await dialog.getByRole('button', { name: 'Publicar versão' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('a business user builds, tests and publishes a flow', () => {
  it('logs in and is offered the five starter templates', async () => {
    await login(page);
    await expect.poll(() => page.getByText('Nenhum fluxo ainda — comece por um modelo').isVisible()).toBe(true);
    const cards = page.locator('.template-card');
    await expect.poll(() => cards.count()).toBe(5);
    expect(await cards.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('Imobiliária')]));
  });

  it('creates a flow from the Imobiliária template', async () => {
    await page.getByTestId('template-imobiliaria').click();
    const dialog = page.getByTestId('create-flow-dialog');
    await expect.poll(() => dialog.getByLabel('Nome do fluxo').inputValue()).toBe('Imobiliária');
    await dialog.getByLabel('Nome do fluxo').fill('Imobiliária Natal');
    await dialog.getByRole('button', { name: 'Criar fluxo' }).click();
    await canvas().waitFor();
    flowUrl = new URL(page.url()).pathname;
    expect(flowUrl).toMatch(/^\/flows\/.+/);
    await expect.poll(() => nodes().count()).toBeGreaterThan(20);
    await expect.poll(() => node('menu').isVisible()).toBe(true);
  });

  it('adds a menu node, connects it, sees the validation badge and fixes it', async () => {
    const before = await nodes().count();
    await page.getByTestId('palette-menu').click();
    await expect.poll(() => nodes().count()).toBe(before + 1);
    const added = canvas().locator('.react-flow__node-menu.selected, .react-flow__node-menu').last();
    addedId = (await added.getAttribute('data-id')) ?? '';
    expect(addedId).not.toBe('');
    const fresh = node(addedId);
    // Nothing leads to it and its options lead nowhere: the node says so and publishing is blocked.
    await expect.poll(() => fresh.getByTestId('node-badge').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('publish-button').getAttribute('aria-disabled')).toBe('true');
    expect(await page.locator('#publish-blocked').textContent()).toMatch(/Corrija \d+ erro/);

    // Out of the crowd, so its handles can be reached; layout runs in a worker, then the view glides.
    const placedAt = await fresh.getAttribute('style');
    await page.getByRole('button', { name: 'Organizar automaticamente' }).click();
    await expect.poll(() => fresh.getAttribute('style'), { timeout: 5000 }).not.toBe(placedAt);
    const edgesBefore = await edges().count();
    await dragBetween(
      node('menu').locator('.react-flow__handle.source[data-handleid="timeout"]'),
      fresh.locator('.react-flow__handle.target'),
    );
    await expect.poll(() => edges().count()).toBe(edgesBefore + 1);

    // Every answer, and a wrong one too, ends the conversation.
    const outputs = await fresh.locator('.react-flow__handle.source:not([data-handleid="timeout"])').all();
    expect(outputs.length).toBe(3);
    for (const handle of outputs) await dragBetween(handle, node('fim').locator('.react-flow__handle.target'));
    await expect.poll(() => edges().count()).toBe(edgesBefore + 4);
    await expect.poll(() => fresh.getByTestId('node-badge').count()).toBe(0);
    await expect.poll(() => page.getByTestId('publish-button').getAttribute('aria-disabled')).toBe('false');
    await saved();
    // For the README: the top of the flow, close enough to read.
    await deselect();
    await page.getByRole('button', { name: 'Ajustar à tela' }).click();
    const top = await settledBox(node('menu'));
    await page.mouse.move(top.x + top.width / 2, top.y + top.height / 2);
    for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -250);
    await settledBox(node('menu'));
    await page.screenshot({ path: join(screenshotsDir, 'canvas.png') });
  });

  it('runs the simulator to the end of a path by tapping list rows and buttons', async () => {
    await deselect();
    await page.getByTestId('open-simulator').click();
    const sim = simulatorPanel(page);
    // The contact speaks first, as on WhatsApp.
    await typeInSimulator(page, 'Olá, procuro um apartamento');
    await sim.getByTestId('sim-list-open').first().click();
    await page
      .getByTestId('sim-list-sheet')
      .getByRole('button', { name: /Simular financiamento/ })
      .click();
    await expectBotSays(page, 'valor do imóvel');
    await typeInSimulator(page, '350.000');
    await expectBotSays(page, 'entrada');
    await typeInSimulator(page, '70.000');
    const corretor = sim.getByTestId('sim-button').filter({ hasText: 'Falar com corretor' }).last();
    await corretor.waitFor();
    await expect.poll(() => canvas().locator('.fx-node.is-highlighted').count()).toBeGreaterThan(0);
    await corretor.click();
    await sim.getByRole('button', { name: /Resolver atendimento/ }).click();
    await expectBotSays(page, 'Conversa encerrada');
    expect(await sim.getByTestId('sim-variables').innerText()).toContain('valor_imovel');
    await page.screenshot({ path: join(screenshotsDir, 'simulator.png') });
    await sim.getByRole('button', { name: 'Fechar' }).click();
  });

  it('publishes version 1', async () => {
    await publish('Primeira versão');
    const panel = await openVersions();
    await expect.poll(() => panel.getByTestId('version-row').count()).toBe(1);
    expect(await panel.getByTestId('version-row').first().getAttribute('data-version')).toBe('1');
    expect(await panel.getByTestId('version-current').count()).toBe(1);
  });

  it('changes something and publishes version 2', async () => {
    // The simulator left the view zoomed on the last node it visited.
    await page.getByRole('button', { name: 'Ajustar à tela' }).click();
    await settledBox(node(addedId));
    await node(addedId).click();
    await page.getByLabel('Texto', { exact: true }).fill('Algo mais em que posso ajudar?');
    await saved();
    await publish('Despedida nova');
    const panel = await openVersions();
    await expect.poll(() => panel.getByTestId('version-row').count()).toBe(2);
    const current = panel.locator('[data-testid="version-row"]:has([data-testid="version-current"])');
    expect(await current.getAttribute('data-version')).toBe('2');
    expect(await current.innerText()).toContain('Despedida nova');
  });

  it('rolls back to version 1 after confirming', async () => {
    const panel = await openVersions();
    await panel.getByRole('button', { name: 'Republicar versão 1' }).click();
    const confirm = page.getByTestId('confirm-dialog');
    await confirm.getByRole('button', { name: 'Republicar' }).click();
    await confirm.waitFor({ state: 'detached' });
    const current = panel.locator('[data-testid="version-row"]:has([data-testid="version-current"])');
    await expect.poll(() => current.getAttribute('data-version')).toBe('1');
    await expect.poll(() => page.locator('.toast').count(), { timeout: 8000 }).toBe(0);
    await page.screenshot({ path: join(screenshotsDir, 'versions.png') });
  });

  it('exports the flow as JSON and imports it back as a new flow', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('flow-canvas').waitFor();
    await page.getByRole('toolbar').getByRole('button', { name: 'Exportar' }).click();
    const file = await download;
    const path = await file.path();
    const exported = JSON.parse(readFileSync(path, 'utf8')) as { name: string; nodes: unknown[] };
    expect(exported.name).toBe('Imobiliária Natal');
    expect(exported.nodes.length).toBeGreaterThan(20);

    await page.getByRole('link', { name: 'Fluxos' }).click();
    await page.getByRole('button', { name: 'Importar JSON' }).click();
    const dialog = page.getByTestId('import-flow-dialog');
    await dialog.getByTestId('import-file').setInputFiles(path);
    await dialog.getByRole('button', { name: 'Importar' }).click();
    await canvas().waitFor();
    expect(new URL(page.url()).pathname).not.toBe(flowUrl);
    await expect.poll(() => nodes().count()).toBe(exported.nodes.length);

    await page.getByRole('link', { name: 'Fluxos' }).click();
    await expect.poll(() => page.getByTestId('flow-row').count()).toBe(2);
  });

  it('asks who wins when someone else saved the same flow meanwhile', async () => {
    await page.goto(flowUrl);
    await canvas().waitFor();
    const id = decodeURIComponent(flowUrl.split('/').pop() ?? '');
    // Another person saves from their own browser (same account, same API).
    const current = (await (await page.request.get(`/api/flows/${id}`)).json()) as {
      flow: { revision: number; draft: { name: string } };
    };
    const theirs = await page.request.put(`/api/flows/${id}`, {
      data: { draft: { ...current.flow.draft, name: 'Mudado por outra pessoa' }, revision: current.flow.revision },
    });
    expect(theirs.status()).toBe(200);

    await page.getByRole('button', { name: 'Ajustar à tela' }).click();
    await settledBox(node(addedId));
    await node(addedId).click();
    await page.getByLabel('Texto', { exact: true }).fill('Minha alteração');
    const dialog = page.getByTestId('conflict-dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Outra pessoa salvou este fluxo');
    await dialog.getByRole('button', { name: 'Recarregar' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('toolbar').innerText()).toContain('Mudado por outra pessoa');
    await saved();
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { byTestId, focused, named, tabTo, unlabelledControls } from './focus.ts';
import { admin, type Harness, useBrowserPage } from './harness.ts';
import { expectBotSays } from './simulator.ts';

/**
 * The product promise "every action in the panels is reachable without a mouse": a flow is
 * built, connected, tested and published with Tab, Enter, Space and arrows only. After the
 * first page load, nothing here clicks or moves the mouse.
 */
let harness: Harness;
let page: Page;

useBrowserPage((opened) => {
  ({ harness, page } = opened);
});

const saved = () =>
  expect.poll(() => page.getByTestId('save-status').getAttribute('data-status'), { timeout: 10_000 }).toBe('saved');
const errorSummary = () => page.locator('.fx-problems-toggle').innerText();
const edgeCount = () => page.getByTestId('flow-canvas').locator('.react-flow__edge').count();
const inspectorTitle = () => page.locator('.fx-inspector__titles h2').innerText();

describe('building, testing and publishing a flow with the keyboard only', () => {
  it('signs in by typing and pressing Enter', async () => {
    await page.goto('/');
    await expect.poll(() => focused(page).then((f) => f.name)).toBe('E-mail');
    await page.keyboard.type(admin.email);
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('Senha');
    await page.keyboard.type(admin.password);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Navegação principal' }).waitFor();
    expect(await unlabelledControls(page)).toEqual([]);
  });

  it('creates a blank flow from the empty list through the dialog', async () => {
    await page.getByText('Nenhum fluxo ainda — comece por um modelo').waitFor();
    // Template cards on the empty page are buttons: Tab reaches them, Enter opens one.
    const card = await tabTo(page, (f) => f.testId?.startsWith('template-') === true);
    expect(card.tag).toBe('button');
    expect(card.ring).toBe(true);
    await tabTo(page, named('Ou comece do zero'));
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('create-flow-dialog');
    await dialog.waitFor();
    // Focus moved into the dialog (onto the chosen card, or the name while the cards load).
    expect(await focused(page)).toMatchObject({ tag: 'input', inDialog: true });
    expect(await unlabelledControls(page)).toEqual([]);
    await tabTo(page, named('Nome do fluxo'));
    await page.keyboard.type('Atendimento pelo teclado');
    await page.keyboard.press('Enter');
    await page.getByTestId('flow-canvas').waitFor();
    await expect.poll(() => page.getByTestId('flow-canvas').locator('.react-flow__node').count()).toBe(1);
  });

  it('adds a menu and an end block from the palette', async () => {
    const button = await tabTo(page, byTestId('palette-menu'));
    expect(button.ring).toBe(true);
    await page.keyboard.press('Enter');
    // The new block is selected: the inspector shows its form and its outputs.
    await expect.poll(inspectorTitle).toBe('Menu de opções');
    await tabTo(page, byTestId('palette-end'));
    await page.keyboard.press('Space');
    await expect.poll(inspectorTitle).toBe('Encerrar');
    await expect.poll(() => page.getByTestId('flow-canvas').locator('.react-flow__node').count()).toBe(3);
    await expect.poll(errorSummary).not.toMatch(/^0 erro/);
    expect(await unlabelledControls(page)).toEqual([]);
  });

  it('opens a problem with Enter and connects the start through the Outputs select', async () => {
    await tabTo(page, (f) => f.name === 'Problemas' && f.tag === 'button', { back: true });
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('problems-panel');
    await panel.waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'h2', name: 'Problemas' });
    const startProblem = panel
      .locator('.fx-problem')
      .filter({ has: page.locator('.fx-problem__where', { hasText: /^Início$/ }) });
    await expect.poll(() => startProblem.count()).toBeGreaterThan(0);

    await tabTo(page, (f) => f.within === 'problems-panel' && f.name.startsWith('Início'));
    await page.keyboard.press('Enter');
    await expect.poll(inspectorTitle).toBe('Início');

    const outputs = page.getByTestId('output-targets');
    expect(await outputs.getByLabel('Próximo').inputValue()).toBe('');
    const select = await tabTo(page, (f) => f.tag === 'select' && f.name === 'Próximo');
    expect(select.ring).toBe(true);
    const before = await edgeCount();
    // A closed select follows the arrow keys; the first choice after "(não conectado)" is the menu.
    await page.keyboard.press('ArrowDown');
    await expect.poll(edgeCount).toBe(before + 1);
    expect(await outputs.getByLabel('Próximo').locator('option:checked').innerText()).toMatch(/^Menu de opções · /);
    await expect.poll(() => startProblem.count()).toBe(0);

    // Back to "(não conectado)": the edge goes and the problem comes back.
    await page.keyboard.press('ArrowUp');
    await expect.poll(edgeCount).toBe(before);
    await expect.poll(() => startProblem.count()).toBeGreaterThan(0);
    await page.keyboard.press('ArrowDown');
    await expect.poll(edgeCount).toBe(before + 1);
    await expect.poll(() => startProblem.count()).toBe(0);

    // Ctrl+Z on the select takes the connection back (a select has no undo of its own); Ctrl+Y redoes it.
    await page.keyboard.press('Control+z');
    await expect.poll(edgeCount).toBe(before);
    expect(await outputs.getByLabel('Próximo').inputValue()).toBe('');
    await page.keyboard.press('Control+y');
    await expect.poll(edgeCount).toBe(before + 1);
    expect(await outputs.getByLabel('Próximo').locator('option:checked').innerText()).toMatch(/^Menu de opções · /);
    expect((await focused(page)).name).toBe('Próximo');
  });

  it('sends both menu options to the end block, which clears every error', async () => {
    const menuProblem = page
      .getByTestId('problems-panel')
      .locator('.fx-problem--error')
      .filter({ hasText: 'Menu de opções' });
    await expect.poll(() => menuProblem.count()).toBeGreaterThan(0);
    await tabTo(page, (f) => f.within === 'problems-panel' && f.name.startsWith('Menu de opções'), { back: true });
    await page.keyboard.press('Enter');
    await expect.poll(inspectorTitle).toBe('Menu de opções');

    for (const option of ['1. Ver produtos', '2. Falar com atendente']) {
      await tabTo(page, (f) => f.tag === 'select' && f.name === option);
      const before = await edgeCount();
      // Type-ahead picks the option by its text, as in any native select.
      await page.keyboard.type('Encerrar');
      await expect.poll(edgeCount).toBe(before + 1);
    }
    await expect.poll(errorSummary).toMatch(/^0 erro/);
    await expect.poll(() => page.getByTestId('publish-button').getAttribute('aria-disabled')).toBe('false');
    expect(await unlabelledControls(page)).toEqual([]);
    await saved();
  });

  it('tests the flow in the simulator by choosing a reply button', async () => {
    await tabTo(page, byTestId('open-simulator'), { back: true });
    await page.keyboard.press('Enter');
    const sim = page.getByTestId('simulator');
    await sim.waitFor();
    // Focus moved into the panel that just opened.
    expect(await focused(page)).toMatchObject({ tag: 'h2', name: 'Simulador' });
    // The contact speaks first, as on WhatsApp: the message is typed in the composer.
    await tabTo(page, (f) => f.tag === 'input' && f.name === 'Mensagem do contato');
    await page.keyboard.type('Oi');
    await page.keyboard.press('Enter');
    await expect.poll(() => sim.getByTestId('sim-button').count()).toBe(2);
    expect(await unlabelledControls(page)).toEqual([]);

    const reply = await tabTo(page, (f) => f.testId === 'sim-button' && f.name === 'Ver produtos', { back: true });
    expect(reply.ring).toBe(true);
    await page.keyboard.press('Enter');
    await expectBotSays(page, 'Obrigado pelo contato');
    await expectBotSays(page, 'Conversa encerrada');

    await tabTo(page, (f) => f.within === 'simulator' && f.name === 'Fechar', { back: true });
    await page.keyboard.press('Enter');
    await sim.waitFor({ state: 'detached' });
    // Focus went back to the button that opened it.
    expect(await focused(page)).toMatchObject({ testId: 'open-simulator' });
  });

  it('publishes with a note and finds it in the version history', async () => {
    await tabTo(page, byTestId('publish-button'));
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('publish-dialog');
    await dialog.waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'textarea', name: 'O que mudou? (opcional)' });
    await page.keyboard.type('Feito só com o teclado');
    await tabTo(page, named('Publicar versão'));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect((await focused(page)).testId).toBe('publish-button');

    await tabTo(page, byTestId('open-versions'), { back: true });
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('versions-panel');
    await panel.waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'h2', name: 'Histórico de versões' });
    await expect.poll(() => panel.getByTestId('version-row').count()).toBe(1);
    expect(await panel.getByTestId('version-row').innerText()).toContain('Feito só com o teclado');
  });

  it('rolls back to version 1 after confirming in the dialog', async () => {
    await tabTo(page, byTestId('publish-button'), { back: true });
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('publish-dialog');
    await dialog.waitFor();
    await page.keyboard.type('Segunda versão');
    await tabTo(page, named('Publicar versão'));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const panel = page.getByTestId('versions-panel');
    await expect.poll(() => panel.getByTestId('version-row').count()).toBe(2);

    await tabTo(page, named('Republicar versão 1'));
    await page.keyboard.press('Enter');
    const confirm = page.getByTestId('confirm-dialog');
    await confirm.waitFor();
    // A confirmation starts on Cancel, the safe choice.
    expect(await focused(page)).toMatchObject({ name: 'Cancelar', inDialog: true });
    await tabTo(page, named('Republicar'));
    await page.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    const current = panel.locator('[data-testid="version-row"]:has([data-testid="version-current"])');
    await expect.poll(() => current.getAttribute('data-version')).toBe('1');
    // The button that asked is gone with the reload; the focus stays in the panel, not lost on the page.
    await expect.poll(() => focused(page).then((f) => f.name)).toBe('Histórico de versões');
  });

  it('names every form control on the main pages and in their dialogs', async () => {
    for (const [link, opens] of [
      ['Fluxos', 'Importar JSON'],
      ['Canais', 'Conectar número'],
      ['Catálogo', 'Novo produto'],
      ['Usuários', 'Novo usuário'],
    ] as const) {
      // Links the bar folded under "Mais" are reached through it (opened with the keyboard too).
      const shown = page
        .getByRole('navigation', { name: 'Navegação principal' })
        .getByRole('link', { name: link, exact: true });
      if (!(await shown.isVisible())) {
        await tabTo(page, (f) => f.tag === 'button' && f.name.startsWith('Mais'), { back: true, max: 300 });
        await page.keyboard.press('Enter');
        await tabTo(page, (f) => f.tag === 'a' && f.name === link, { max: 50 });
      } else await tabTo(page, (f) => f.tag === 'a' && f.name === link, { back: true, max: 300 });
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: link }).waitFor();
      expect(await unlabelledControls(page), link).toEqual([]);
      if (link === 'Catálogo') {
        // Products need a category first: type one in and press Enter.
        await tabTo(page, (f) => f.tag === 'input' && f.name === 'Nova categoria');
        await page.keyboard.type('Bebidas');
        await page.keyboard.press('Enter');
        await page.getByRole('button', { name: opens }).waitFor();
      }
      const opener = await tabTo(page, (f) => f.tag === 'button' && f.name === opens, { back: link === 'Catálogo' });
      expect(opener.ring).toBe(true);
      await page.keyboard.press('Enter');
      await page.locator('dialog[open]').waitFor();
      expect(await unlabelledControls(page), `${link}: ${opens}`).toEqual([]);
      await page.keyboard.press('Escape');
      await page.locator('dialog[open]').waitFor({ state: 'detached' });
      // Esc closed it and the focus is back on the button that opened it.
      expect((await focused(page)).name, opens).toBe(opens);
    }
  });
});

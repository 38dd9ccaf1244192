import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Harness, login, useBrowserPage, clickNav } from './harness.ts';

/** The app around the editor: login, roles, dialogs, import errors, catalog, channels, language. */
let harness: Harness;
let page: Page;

useBrowserPage(async (opened) => {
  ({ harness, page } = opened);
  await login(page);
});

/** Every link of the main nav, those folded under "Mais" included (the bar shows what fits its width). */
async function navLinks(p: Page): Promise<string[]> {
  const nav = p.getByRole('navigation', { name: /^(Navegação principal|Main navigation)$/ });
  const more = nav.getByRole('button', { name: /^(Mais|More)/ });
  if ((await more.count()) === 0) return nav.getByRole('link').allInnerTexts();
  if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
  const all = await nav.getByRole('link').allInnerTexts();
  await p.keyboard.press('Escape');
  return all;
}

describe('signing in', () => {
  it('explains a wrong password instead of failing silently', async () => {
    const { context: other, page: p } = await harness.newPage();
    await p.goto('/flows');
    await p.getByLabel('E-mail').fill('admin@fluxo.test');
    await p.getByLabel('Senha').fill('not-the-password');
    await p.getByRole('button', { name: 'Entrar' }).click();
    await expect.poll(() => p.getByRole('alert').innerText()).not.toBe('');
    expect(new URL(p.url()).pathname).toBe('/login');
    await other.close();
  });

  it('shows admins every area', async () => {
    await expect
      .poll(() => navLinks(page))
      .toEqual([
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
  });
});

describe('roles', () => {
  it('gives an editor flows, orders, the dashboard and catalog only, and an agent conversations, the inbox, contacts and orders', async () => {
    for (const [email, role] of [
      ['editora@fluxo.test', 'Editor'],
      ['atendente@fluxo.test', 'Atendente'],
    ] as const) {
      await clickNav(page, 'Usuários');
      await page.getByRole('button', { name: 'Novo usuário' }).click();
      const dialog = page.getByTestId('user-form');
      await dialog.getByLabel('E-mail').fill(email);
      await dialog.getByLabel('Senha inicial').fill('senha-segura-123');
      await dialog.getByRole('radio', { name: new RegExp(role) }).check();
      await dialog.getByRole('button', { name: 'Criar usuário' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByRole('cell', { name: email }).count()).toBeGreaterThan(0);
    }

    const editor = await harness.newPage();
    await login(editor.page, { email: 'editora@fluxo.test', password: 'senha-segura-123' });
    await expect
      .poll(() => navLinks(editor.page))
      .toEqual(['Fluxos', 'Pedidos', 'Agenda', 'Painel', 'Catálogo', 'Modelos']);
    await editor.page.goto('/users');
    await expect.poll(() => editor.page.getByText('Sem acesso a esta página').isVisible()).toBe(true);
    await editor.context.close();

    const agent = await harness.newPage();
    await agent.page.goto('/');
    await agent.page.getByLabel('E-mail').fill('atendente@fluxo.test');
    await agent.page.getByLabel('Senha').fill('senha-segura-123');
    await agent.page.getByRole('button', { name: 'Entrar' }).click();
    await expect
      .poll(() => agent.page.getByRole('heading', { level: 1, name: 'Caixa de entrada' }).isVisible())
      .toBe(true);
    expect(new URL(agent.page.url()).pathname).toBe('/inbox');
    expect(await navLinks(agent.page)).toEqual(['Conversas', 'Caixa de entrada', 'Contatos', 'Pedidos', 'Agenda']);
    await agent.page.goto('/flows');
    await expect.poll(() => agent.page.getByText('Sem acesso a esta página').isVisible()).toBe(true);
    await agent.context.close();
  });
});

describe('dialogs', () => {
  it('keep focus inside, close on Esc and give focus back', async () => {
    await page.getByRole('link', { name: 'Fluxos' }).click();
    await page.goto('/flows');
    const opener = page.getByRole('button', { name: 'Importar JSON' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('import-flow-dialog');
    await dialog.waitFor();
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);
  });
});

describe('importing', () => {
  it('lists what is wrong with a file that is not a flow', async () => {
    await page.goto('/flows');
    const bad = join(tmpdir(), `fluxo-bad-${process.pid}.json`);
    writeFileSync(
      bad,
      JSON.stringify({
        schemaVersion: 1,
        name: 'Quebrado',
        nodes: [{ id: 'x', type: 'menu', position: { x: 0, y: 0 }, data: {} }],
      }),
    );
    const notJson = join(tmpdir(), `fluxo-not-json-${process.pid}.json`);
    writeFileSync(notJson, 'isto não é json');

    await page.getByRole('button', { name: 'Importar JSON' }).click();
    const dialog = page.getByTestId('import-flow-dialog');
    await dialog.getByTestId('import-file').setInputFiles(notJson);
    await dialog.getByRole('button', { name: 'Importar' }).click();
    await expect.poll(() => dialog.getByTestId('import-errors').innerText()).toContain('não é um JSON válido');

    await dialog.getByTestId('import-file').setInputFiles(bad);
    await dialog.getByRole('button', { name: 'Importar' }).click();
    await expect.poll(() => dialog.getByTestId('import-errors').locator('li').count()).toBeGreaterThan(0);
    const text = await dialog.getByTestId('import-errors').innerText();
    expect(text).toContain('não é um fluxo do Fluxo válido');
    // Each line names the node the problem is in.
    expect(text).toMatch(/^x: /m);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByTestId('flow-row').count()).toBe(0);
  });
});

describe('catalog', () => {
  it('takes prices typed in reais', async () => {
    await page.goto('/catalog');
    await page.getByPlaceholder('Nova categoria').fill('Pizzas');
    await page.getByRole('button', { name: 'Adicionar' }).click();
    await page.getByRole('button', { name: 'Novo produto' }).click();
    const form = page.getByTestId('product-form');
    await form.getByLabel('Nome').fill('Calabresa');
    await form.getByLabel('Preço').fill('12,5');
    await form.getByLabel('Estoque').fill('7');
    await form.getByRole('button', { name: 'Salvar' }).click();
    await form.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /Calabresa/ });
    await expect.poll(() => row.innerText()).toMatch(/R\$\s12,50/);
    expect(await row.innerText()).toContain('7');
  });
});

describe('channels', () => {
  it('keeps secrets write-only and shows the webhook URL', async () => {
    await page.goto('/channels');
    await page.getByRole('button', { name: 'Conectar número' }).first().click();
    const form = page.getByTestId('channel-form');
    await form.getByLabel('Nome', { exact: true }).fill('Loja');
    await form.getByLabel('Phone number ID').fill('1234567890');
    await form.getByLabel('Token de acesso').fill('EAAG-token-de-teste-123');
    await form.getByLabel('App secret').fill('segredo-do-app');
    await form.getByLabel('Verify token').fill('verifica-123');
    await form.getByRole('button', { name: 'Salvar' }).click();
    await form.waitFor({ state: 'detached' });

    const card = page.getByTestId('channel-card').filter({ hasText: 'Loja' });
    expect(await card.getByRole('textbox', { name: 'URL do webhook', exact: true }).inputValue()).toMatch(
      /\/webhooks\/whatsapp$/,
    );
    await card.getByRole('button', { name: 'Editar Loja' }).click();
    const edit = page.getByTestId('channel-form');
    expect(await edit.getByLabel('Token de acesso').inputValue()).toBe('');
    expect(await edit.getByLabel('Token de acesso').getAttribute('placeholder')).toBe('•••• (mantido)');
    await edit.getByLabel('Nome', { exact: true }).fill('Loja Centro');
    await edit.getByRole('button', { name: 'Salvar' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('channel-card').filter({ hasText: 'Loja Centro' }).count()).toBe(1);
  });
});

describe('language', () => {
  it('switches the studio to English and back', async () => {
    await page.goto('/flows');
    await page.getByLabel('Idioma').selectOption('en');
    await expect
      .poll(() => navLinks(page))
      .toEqual([
        'Flows',
        'Conversations',
        'Inbox',
        'Contacts',
        'Orders',
        'Campaigns',
        'Agenda',
        'Dashboard',
        'Catalog',
        'Templates',
        'Channels',
        'Users',
        'Settings',
        'Audit log',
      ]);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Flows');
    await page.reload();
    await expect
      .poll(() => navLinks(page))
      .toEqual([
        'Flows',
        'Conversations',
        'Inbox',
        'Contacts',
        'Orders',
        'Campaigns',
        'Agenda',
        'Dashboard',
        'Catalog',
        'Templates',
        'Channels',
        'Users',
        'Settings',
        'Audit log',
      ]);
    await page.getByLabel('Language').selectOption('pt-BR');
    await expect
      .poll(() => navLinks(page))
      .toEqual([
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
  });
});

describe('flows list', () => {
  it('creates a blank flow, duplicates it, finds it by search and deletes it after confirming', async () => {
    await page.goto('/flows');
    await page.getByRole('button', { name: 'Novo fluxo' }).click();
    const dialog = page.getByTestId('create-flow-dialog');
    await dialog.getByTestId('template-blank').click();
    await dialog.getByLabel('Nome do fluxo').fill('Pós-venda');
    await dialog.getByRole('button', { name: 'Criar fluxo' }).click();
    await page.getByTestId('flow-canvas').waitFor();
    await expect.poll(() => page.getByTestId('flow-canvas').locator('.react-flow__node').count()).toBe(1);

    await page.getByRole('link', { name: 'Fluxos' }).click();
    await page.getByRole('button', { name: 'Duplicar Pós-venda' }).click();
    await expect.poll(() => page.getByTestId('flow-row').count()).toBe(2);
    expect(await page.getByTestId('flow-row').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('Pós-venda (cópia)')]),
    );

    await page.getByPlaceholder('Buscar fluxos').fill('copia');
    await expect.poll(() => page.getByTestId('flow-row').count()).toBe(1);
    await page.getByPlaceholder('Buscar fluxos').fill('');

    await page.getByRole('button', { name: 'Excluir Pós-venda (cópia)' }).click();
    const confirm = page.getByTestId('confirm-dialog');
    expect(await confirm.innerText()).toContain('não pode ser desfeito');
    // The safe choice has the focus: Enter right away would cancel, not delete.
    expect(await confirm.getByRole('button', { name: 'Cancelar' }).evaluate((b) => b === document.activeElement)).toBe(
      true,
    );
    await confirm.getByRole('button', { name: 'Excluir' }).click();
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('flow-row').count()).toBe(1);
    expect(await page.getByTestId('flow-row').innerText()).toContain('Pós-venda');
  });
});

describe('editor tools', () => {
  it('says so when they cannot be loaded and loads them on retry', async () => {
    const { context, page: p } = await harness.newPage();
    try {
      await login(p);
      // The panels' chunk (toolbar, palette, inspector) and the schema code their actions need
      // (new nodes' defaults, pasting) fail as on a dropped connection.
      const panelsChunk = /\/assets\/(panels|schema)-[\w-]+\.js$/;
      await p.route(panelsChunk, (route) => route.abort('internetdisconnected'));
      await p.goto('/flows');
      await p.getByRole('button', { name: 'Novo fluxo' }).click();
      const dialog = p.getByTestId('create-flow-dialog');
      await dialog.getByTestId('template-blank').click();
      await dialog.getByLabel('Nome do fluxo').fill('Sem conexão');
      await dialog.getByRole('button', { name: 'Criar fluxo' }).click();
      const alert = p.getByRole('alert').filter({ hasText: 'Não foi possível carregar as ferramentas do editor' });
      await alert.waitFor();
      // The canvas does not need them: the flow is drawn.
      await expect.poll(() => p.getByTestId('flow-canvas').locator('.react-flow__node').count()).toBe(1);
      expect(await p.locator('.fx-palette button').count()).toBe(0);

      await p.unroute(panelsChunk);
      await alert.getByRole('button', { name: 'Tentar de novo' }).click();
      await p.getByTestId('palette-menu').waitFor();
      await alert.waitFor({ state: 'detached' });
      // With the schema code in, a node added from the palette gets its defaults.
      await p.getByTestId('palette-menu').click();
      await expect.poll(() => p.getByTestId('flow-canvas').locator('.react-flow__node').count()).toBe(2);
    } finally {
      await context.close();
    }
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startFakeLlmApi, type FakeChatMessage } from '../../server/testing/fake-llm-api.ts';
import { login, useBrowserPage } from './harness.ts';
import { useFakeLlm } from './llm.ts';
import { expectBotSays, simulatorChat, simulatorPanel, typeInSimulator } from './simulator.ts';

/**
 * "Entender com IA" set up in the menu's inspector (provider, confidence, synonyms), kept after a
 * reload, and at work in the simulator: a synonym picks its option without the model, and a
 * sentence no word of the menu matches goes to the model, which the fake provider answers.
 */
const menuFlow = {
  schemaVersion: 1,
  name: 'Atendimento',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    {
      id: 'menu',
      type: 'menu',
      position: { x: 0, y: 180 },
      data: {
        text: 'Como posso ajudar?',
        options: [
          { id: 'comprar', title: 'Comprar imóvel' },
          { id: 'atendente', title: 'Atendente' },
        ],
      },
    },
    { id: 'venda', type: 'message', position: { x: -200, y: 400 }, data: { text: 'Vamos ver imóveis à venda.' } },
    { id: 'pessoa', type: 'message', position: { x: 200, y: 400 }, data: { text: 'Um atendente vai te chamar.' } },
    { id: 'fim', type: 'end', position: { x: 0, y: 600 }, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'menu' },
    { id: 'e2', source: 'menu', sourceHandle: 'opt-comprar', target: 'venda' },
    { id: 'e3', source: 'menu', sourceHandle: 'opt-atendente', target: 'pessoa' },
    { id: 'e4', source: 'menu', sourceHandle: 'invalid', target: 'fim' },
    { id: 'e5', source: 'venda', sourceHandle: 'next', target: 'fim' },
    { id: 'e6', source: 'pessoa', sourceHandle: 'next', target: 'fim' },
  ],
};

/** What a classifying model would answer (classify.ts asks for `{ option, confidence }`). */
const classifications: string[] = [];
function classifier(messages: FakeChatMessage[]) {
  const said = messages.findLast((m) => m.role === 'user')?.content ?? '';
  classifications.push(said);
  const option = /conversar|pessoa/.test(said) ? 'atendente' : 'nenhuma';
  return { text: JSON.stringify({ option, confidence: option === 'nenhuma' ? 0 : 0.9 }) };
}

const llm = useFakeLlm(classifier);
let page: Page;
let flowId = '';

useBrowserPage(async (opened) => {
  ({ page } = opened);
  await login(page);
  const provider = await page.request.post('/api/settings/ai-providers', {
    data: { name: 'Classificador', baseUrl: llm().url, model: 'fake-intent' },
  });
  expect(provider.status()).toBe(201);
  const created = await page.request.post('/api/flows', { data: { name: menuFlow.name, flow: menuFlow } });
  expect(created.status()).toBe(201);
  flowId = ((await created.json()) as { flow: { id: string } }).flow.id;
});

const menuNode = () => page.getByTestId('flow-canvas').locator('.react-flow__node[data-id="menu"]');
const aiToggle = () => page.getByLabel('Usar IA quando a resposta não bater com nenhuma opção', { exact: true });
const providerSelect = () => page.getByLabel('Provedor de IA', { exact: true });
const threshold = () => page.getByLabel('Confiança mínima (0 a 1)', { exact: true });

async function openMenu(): Promise<void> {
  await page.goto(`/flows/${flowId}`);
  await menuNode().waitFor();
  await menuNode().click();
  await aiToggle().waitFor();
}

describe('"Entender com IA" in the menu inspector', () => {
  it('sets the provider, the confidence and a synonym, and keeps them after a reload', async () => {
    await openMenu();
    expect(await aiToggle().isChecked()).toBe(false);
    await aiToggle().check();
    // The same picker as the agent's: the default first, then each provider with its model.
    await expect
      .poll(() => providerSelect().locator('option').allInnerTexts())
      .toEqual(['Padrão (Classificador)', 'Classificador · fake-intent']);
    await providerSelect().selectOption('Classificador');
    expect(await page.getByLabel('Modelo', { exact: true }).getAttribute('placeholder')).toBe('fake-intent');
    await threshold().fill('0.6');
    const synonyms = page.getByLabel('Sinônimos', { exact: true }).first();
    await synonyms.fill('apê');
    await synonyms.press('Enter');
    await page.getByRole('button', { name: 'Remover apê', exact: true }).waitFor();
    await expect
      .poll(() => page.getByTestId('save-status').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('saved');

    await page.reload();
    await menuNode().waitFor();
    await menuNode().click();
    await aiToggle().waitFor();
    expect(await aiToggle().isChecked()).toBe(true);
    await expect.poll(() => providerSelect().inputValue()).toBe('Classificador');
    expect(await threshold().inputValue()).toBe('0.6');
    await page.getByRole('button', { name: 'Remover apê', exact: true }).waitFor();

    const saved = (await (await page.request.get(`/api/flows/${flowId}`)).json()) as {
      flow: { draft: { nodes: { id: string; data: Record<string, unknown> }[] } };
    };
    const menu = saved.flow.draft.nodes.find((n) => n.id === 'menu')?.data as {
      ai: unknown;
      options: { id: string; synonyms: string[] }[];
    };
    expect(menu.ai).toEqual({ enabled: true, provider: 'Classificador', model: '', threshold: 0.6 });
    expect(menu.options.find((o) => o.id === 'comprar')?.synonyms).toEqual(['apê']);
  });

  it('in the simulator, a synonym and then the model pick the branch', async () => {
    await openMenu();
    await page.getByTestId('open-simulator').click();
    const sim = simulatorPanel(page);
    // A simulated turn may call the provider: a loaded machine takes a moment.
    const wait = { timeout: 15_000 };

    await typeInSimulator(page, 'oi');
    await expectBotSays(page, 'Como posso ajudar?', wait);
    const asked = classifications.length;
    await typeInSimulator(page, 'procuro um apê');
    await expectBotSays(page, 'Vamos ver imóveis à venda.', wait);
    // The synonym was enough: the model was not asked.
    expect(classifications.length).toBe(asked);

    await sim.getByRole('button', { name: 'Recomeçar' }).click();
    await sim.getByTestId('sim-hint').waitFor();
    await typeInSimulator(page, 'oi');
    await expectBotSays(page, 'Como posso ajudar?', wait);
    await typeInSimulator(page, 'quero conversar de verdade com alguém');
    await expectBotSays(page, 'Um atendente vai te chamar.', wait);
    expect(await simulatorChat(page).innerText()).not.toContain('Vamos ver imóveis à venda.');
    expect(classifications.at(-1)).toBe('quero conversar de verdade com alguém');
  });

  it('publishing names a provider that does not answer, in the publish dialog', async () => {
    // An address where nothing listens: the port of a fake just closed.
    const gone = await startFakeLlmApi(classifier);
    await gone.close();
    const added = await page.request.post('/api/settings/ai-providers', {
      data: { name: 'Fora do ar', baseUrl: gone.url, model: 'sumiu' },
    });
    expect(added.status()).toBe(201);
    await openMenu();
    await expect.poll(() => providerSelect().locator('option').count()).toBe(3);
    await providerSelect().selectOption('Fora do ar');
    await expect
      .poll(() => page.getByTestId('save-status').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('saved');
    await page.getByTestId('publish-button').click();
    const dialog = page.getByTestId('publish-dialog');
    await dialog.getByRole('button', { name: 'Publicar versão', exact: true }).click();
    const alert = dialog.getByRole('alert');
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.innerText()).toContain('o provedor de IA "Fora do ar" não pôde ser alcançado (ECONNREFUSED)');
    const versions = (await (await page.request.get(`/api/flows/${flowId}/versions`)).json()) as {
      versions: unknown[];
    };
    expect(versions.versions).toEqual([]);
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, useBrowserPage } from './harness.ts';

/**
 * A starter template on a fresh install (issue 21): without its sample data the editor warns
 * that the product picker has nothing to offer; with it (the default) the catalog has the
 * properties, pictures included, and the flow is ready to publish.
 */
let page: Page;

useBrowserPage((opened) => {
  ({ page } = opened);
});

const summary = () => page.locator('.fx-problems-toggle').innerText();
const dialog = () => page.getByTestId('create-flow-dialog');
const sampleData = () => dialog().getByTestId('create-flow-sample-data').getByRole('checkbox');

async function createFromDialog(name: string): Promise<void> {
  await dialog().getByLabel('Nome do fluxo').fill(name);
  await dialog().getByRole('button', { name: 'Criar fluxo' }).click();
  await page.getByTestId('flow-canvas').waitFor();
}

describe('starter templates on a fresh install', () => {
  it('offers sample data, on by default, only for templates that have it', async () => {
    await login(page);
    await page.getByTestId('template-imobiliaria').click();
    await dialog().waitFor();
    expect(await sampleData().isChecked()).toBe(true);
    expect(await dialog().getByTestId('create-flow-sample-data').innerText()).toContain('Adicionar dados de exemplo');
    await dialog().getByTestId('template-atendimento-ia').click();
    await expect.poll(() => dialog().getByTestId('create-flow-sample-data').count()).toBe(0);
    await dialog().getByTestId('template-imobiliaria').click();
    await sampleData().uncheck();
    await createFromDialog('Imobiliária sem exemplos');
  });

  it('without sample data warns about the product picker, and publishing stays open', async () => {
    await expect.poll(summary).toBe('0 erro(s), 1 aviso(s)');
    await page.locator('.fx-problems-toggle').click();
    const warning = page.getByTestId('problems-panel');
    await expect.poll(() => warning.innerText()).toContain('Nenhum produto disponível');
    expect(await page.getByTestId('publish-button').getAttribute('aria-disabled')).toBe('false');
  });

  it('books the visit with a scheduling block that asks the day first', async () => {
    await page.getByTestId('flow-canvas').locator('.react-flow__node[data-id="visita"]').click();
    const dayQuestion = page.getByRole('textbox', { name: 'Pergunta do dia' });
    await dayQuestion.waitFor();
    expect(await dayQuestion.inputValue()).toContain('Qual dia você prefere para a visita?');
  });

  it('with sample data the catalog has the properties with pictures, and the flow is ready to publish', async () => {
    await page.goto('/flows');
    await page.getByRole('button', { name: 'Novo fluxo' }).first().click();
    await dialog().getByTestId('template-imobiliaria').click();
    expect(await sampleData().isChecked()).toBe(true);
    await createFromDialog('Imobiliária com exemplos');
    await expect.poll(summary).toBe('0 erro(s), 0 aviso(s)');

    await page.goto('/catalog');
    const row = page.getByRole('row', { name: /Apto Ponta Negra/ });
    await row.waitFor();
    const picture = row.locator('img');
    await expect.poll(() => picture.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(480);
  });
});

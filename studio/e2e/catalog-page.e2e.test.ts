import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, useBrowserPage } from './harness.ts';
import { expectNoHorizontalScroll } from './phone.ts';

/**
 * Issue 22 on the Catálogo page: a second catalog chosen in the switcher, a product given two
 * photos (file input), a variant and an attribute, and the catalog exported as CSV.
 */
let page: Page;

useBrowserPage(async (opened) => {
  ({ page } = opened);
  await login(page);
});

interface ProductView {
  name: string;
  photos: { id: string }[];
  variants: { name: string; priceCents: number; stock: number | null; sku: string | null }[];
  attributes: Record<string, string>;
}

describe('the Catálogo page', () => {
  it('switches catalogs, uploads two photos, adds a variant and an attribute, exports CSV', async () => {
    await page.goto('/catalog');
    const switcher = page.getByTestId('catalog-switcher');
    await switcher.getByRole('button', { name: 'Novo catálogo' }).click();
    await page.getByLabel('Nome do catálogo').fill('Imobiliária');
    await switcher.getByRole('button', { name: 'Salvar' }).click();
    await expect.poll(() => switcher.getByRole('combobox').inputValue()).not.toBe('default');
    const catalogId = await switcher.getByRole('combobox').inputValue();

    await page.getByPlaceholder('Nova categoria').fill('Apartamentos');
    await page.getByRole('button', { name: 'Adicionar', exact: true }).click();
    await page.getByRole('button', { name: 'Novo produto' }).click();
    const form = page.getByTestId('product-form');
    await form.getByRole('textbox', { name: /^Nome/ }).fill('Apto Centro 2q');
    await form.getByLabel('Preço').fill('350000');
    await form.getByRole('button', { name: 'Adicionar variante' }).click();
    await form.getByLabel('Nome da variante').fill('Com garagem');
    await form.getByLabel('Preço da variante').fill('380.000,00');
    await form.getByLabel('Estoque da variante').fill('2');
    await form.getByLabel('SKU da variante').fill('AP-2Q-G');
    await form.getByRole('button', { name: 'Adicionar atributo' }).click();
    await form.getByLabel('Atributo', { exact: true }).fill('bairro');
    await form.getByLabel('Valor', { exact: true }).fill('Centro');
    await form.getByRole('button', { name: 'Salvar' }).click();
    await expect.poll(() => form.count()).toBe(0);

    // Two photos through the file input of the saved product: stored at once, thumbnails shown.
    await page.getByRole('button', { name: 'Editar Apto Centro 2q' }).click();
    const jpeg = async (color: string) =>
      sharp({ create: { width: 900, height: 600, channels: 3, background: color } })
        .jpeg()
        .toBuffer();
    await form.getByTestId('photo-input').setInputFiles([
      { name: 'sala.jpg', mimeType: 'image/jpeg', buffer: await jpeg('#457b9d') },
      { name: 'quarto.jpg', mimeType: 'image/jpeg', buffer: await jpeg('#e9c46a') },
    ]);
    await expect.poll(() => form.getByTestId('product-photo').count(), { timeout: 20_000 }).toBe(2);
    await form.getByRole('button', { name: 'Mover foto 2 para a esquerda' }).click();
    await form.getByRole('button', { name: 'Cancelar' }).click();
    await expect.poll(() => form.count()).toBe(0);

    const res = await page.request.get(`/api/products?catalogId=${catalogId}`);
    const { products } = (await res.json()) as { products: ProductView[] };
    expect(products).toHaveLength(1);
    expect(products[0]?.photos).toHaveLength(2);
    expect(products[0]?.variants).toEqual([
      expect.objectContaining({ name: 'Com garagem', priceCents: 38_000_000, stock: 2, sku: 'AP-2Q-G' }),
    ]);
    expect(products[0]?.attributes).toEqual({ bairro: 'Centro' });
    const main = await page.request.get('/api/products?catalogId=default');
    expect(((await main.json()) as { products: ProductView[] }).products.map((p) => p.name)).not.toContain(
      'Apto Centro 2q',
    );

    // Back to the main catalog and again: the switcher shows each catalog's own products.
    await switcher.getByRole('combobox').selectOption('default');
    await expect.poll(() => page.getByRole('button', { name: 'Editar Apto Centro 2q' }).count()).toBe(0);
    await switcher.getByRole('combobox').selectOption(catalogId);
    await page.getByRole('button', { name: 'Editar Apto Centro 2q' }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Exportar CSV' }).click(),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv).toContain('Apto Centro 2q');
    expect(csv).toContain('Com garagem=3800');
    expect(csv).toContain('bairro=Centro');
  });

  it('fits a 390×844 phone with a product that has photos, a variant and an attribute, its form open too', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const edit = page.getByRole('button', { name: 'Editar Apto Centro 2q' });
    await edit.waitFor();
    await expectNoHorizontalScroll(page, 'the catalog with a product');
    await edit.click();
    const form = page.getByTestId('product-form');
    await expect.poll(() => form.getByTestId('product-photo').count()).toBe(2);
    await expectNoHorizontalScroll(page, 'the product form');
    await form.getByRole('button', { name: 'Cancelar' }).click();
    await page.setViewportSize({ width: 1600, height: 960 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

describe('catalog CSV', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const editor = () => t.as('editor');

  it('imports a spreadsheet with a report per line, exports it back, and importing again only updates', async () => {
    const catalog = (await editor().json<{ catalog: { id: string } }>('POST', '/api/catalogs', { name: 'Loja' })).body
      .catalog.id;
    const csv = [
      'sku;categoria;nome;descricao;preco;preco_promocional;estoque;ativo;atributos;variantes',
      'PZ-1;Pizzas;Calabresa;Com cebola;45,90;39,90;10;sim;massa=fina;"Grande=52,00/3; Broto=30,00"',
      ';Bebidas;Suco;;8,00;;;sim;;',
      ';Bebidas;;;8,00;;;;;',
      ';Bebidas;Água;;caro;;;;;',
      ';Bebidas;Chá;;5,00;;-2;;;',
    ].join('\n');
    const first = await editor().json<{ created: number; updated: number; rejected: { line: number }[] }>(
      'POST',
      `/api/catalogs/${catalog}/import`,
      { csv },
    );
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: 2, updated: 0 });
    expect(first.body.rejected.map((r) => r.line)).toEqual([4, 5, 6]);

    const listed = await editor().json<{
      products: { name: string; priceCents: number; promoPriceCents: number | null; variants: { name: string }[] }[];
    }>('GET', `/api/products?catalogId=${catalog}`);
    const calabresa = listed.body.products.find((p) => p.name === 'Calabresa');
    expect(calabresa).toMatchObject({
      priceCents: 4590,
      promoPriceCents: 3990,
      attributes: { massa: 'fina' },
      stock: 10,
      variants: [
        { name: 'Grande', priceCents: 5200, stock: 3 },
        { name: 'Broto', priceCents: 3000, stock: null },
      ],
    });

    const exported = await editor().request('GET', `/api/catalogs/${catalog}/export.csv`);
    expect(exported.headers.get('content-type')).toContain('text/csv');
    // (the BOM that opens the file is dropped by text())
    const text = await exported.text();
    expect(text.split('\r\n')[0]).toBe(
      'sku,categoria,nome,descricao,preco,preco_promocional,estoque,ativo,atributos,variantes,imagem',
    );
    expect(text).toContain(
      'PZ-1,Pizzas,Calabresa,Com cebola,"45,90","39,90",10,sim,massa=fina,"Grande=52,00/3; Broto=30,00",',
    );

    const again = await editor().json('POST', `/api/catalogs/${catalog}/import`, { csv: text });
    expect(again.body).toEqual({ created: 0, updated: 2, rejected: [] });
    const after = await editor().json<{ products: unknown[] }>('GET', `/api/products?catalogId=${catalog}`);
    expect(after.body.products).toHaveLength(2);
  });

  it("carries each variant's SKU both ways, updates by it, and reports a SKU taken elsewhere on its line", async () => {
    const catalog = (await editor().json<{ catalog: { id: string } }>('POST', '/api/catalogs', { name: 'Pizzaria' }))
      .body.catalog.id;
    const csv = [
      'sku,categoria,nome,preco,variantes',
      'PZ-M,Pizzas,Margherita,40,"Grande=50,00/4 [PZ-M-G]; Broto=30,00 [PZ-M-B]"',
      'PZ-Q,Pizzas,Quatro queijos,42,"Grande=55,00 [PZ-M-G]"',
      'PZ-C,Pizzas,Calabresa,42,"Grande=55,00 [PZ-M]"',
      'PZ-P,Pizzas,Portuguesa,42,"Grande=55,00 [X-1]; Broto=35,00 [X-1]"',
      'PZ-F,Pizzas,Frango,42,"Grande=55,00 [PZ-F-G]"',
    ].join('\n');
    type Report = { created: number; updated: number; rejected: { line: number; reason: string }[] };
    const first = await editor().json<Report>('POST', `/api/catalogs/${catalog}/import`, { csv });
    expect(first.body.created).toBe(2);
    expect(first.body.rejected).toEqual([
      { line: 3, reason: expect.stringContaining('PZ-M-G') },
      { line: 4, reason: expect.stringContaining('PZ-M') },
      { line: 5, reason: expect.stringContaining('X-1') },
    ]);
    type Listed = {
      products: { id: string; name: string; variants: { id: string; name: string; sku: string | null }[] }[];
    };
    const listed = await editor().json<Listed>('GET', `/api/products?catalogId=${catalog}`);
    const margherita = listed.body.products.find((p) => p.name === 'Margherita')!;
    expect(margherita.variants.map((v) => [v.name, v.sku])).toEqual([
      ['Grande', 'PZ-M-G'],
      ['Broto', 'PZ-M-B'],
    ]);

    const exported = await (await editor().request('GET', `/api/catalogs/${catalog}/export.csv`)).text();
    expect(exported).toContain('"Grande=50,00/4 [PZ-M-G]; Broto=30,00 [PZ-M-B]"');

    // Edited in a spreadsheet: a new price and a new code for the small one; read back, nothing is duplicated.
    const edited = exported.replace('Broto=30,00 [PZ-M-B]', 'Broto=32,00 [PZ-M-BR]');
    const again = await editor().json<Report>('POST', `/api/catalogs/${catalog}/import`, { csv: edited });
    expect(again.body).toEqual({ created: 0, updated: 2, rejected: [] });
    const after = await editor().json<Listed>('GET', `/api/products?catalogId=${catalog}`);
    expect(after.body.products).toHaveLength(2);
    const kept = after.body.products.find((p) => p.name === 'Margherita')!;
    expect(kept.variants).toEqual([
      expect.objectContaining({ id: margherita.variants[0]!.id, sku: 'PZ-M-G' }),
      expect.objectContaining({ id: margherita.variants[1]!.id, sku: 'PZ-M-BR', priceCents: 3200 }),
    ]);

    // A file without variant codes (an older export) leaves them as they are.
    const plain = 'sku,categoria,nome,preco,variantes\nPZ-F,Pizzas,Frango,43,"Grande=56,00"';
    expect((await editor().json<Report>('POST', `/api/catalogs/${catalog}/import`, { csv: plain })).body).toEqual({
      created: 0,
      updated: 1,
      rejected: [],
    });
    const frango = (await editor().json<Listed>('GET', `/api/products?catalogId=${catalog}`)).body.products.find(
      (p) => p.name === 'Frango',
    )!;
    expect(frango.variants.map((v) => v.sku)).toEqual(['PZ-F-G']);
  });

  it('refuses a file without the needed columns, and an unknown catalog, changing nothing', async () => {
    const bad = await editor().json<{ error: { code: string } }>('POST', '/api/catalogs/default/import', {
      csv: 'foo,bar\n1,2',
    });
    expect(bad).toEqual({ status: 400, body: { error: expect.objectContaining({ code: 'invalid_csv' }) } });
    const missing = await editor().json('POST', '/api/catalogs/nope/import', { csv: 'categoria,nome,preco\nA,B,1' });
    expect(missing.status).toBe(404);
    const inDefault = await editor().json<{ products: unknown[] }>('GET', '/api/products?catalogId=default');
    expect(inDefault.body.products).toEqual([]);
  });
});

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

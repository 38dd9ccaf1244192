import { describe, expect, it } from 'vitest';
import { buildFlow } from '../testing/build-flow.ts';
import { driver, effectOf, sent, texts } from '../testing/session-test-kit.ts';
import type { Product } from '../ports.ts';

/** The cart's edits, variants, promotions, attribute filters, editable texts and the stock check at confirmation. */
const categories = [{ id: 'pz', name: 'Pizzas' }];
const product = (p: Partial<Product> & Pick<Product, 'id' | 'name' | 'priceCents'>): Product => ({
  categoryId: 'pz',
  description: '',
  imageUrl: null,
  stock: null,
  ...p,
});

const flow = (data: Record<string, unknown> = {}) =>
  buildFlow(
    [
      { id: 'pp', type: 'product_picker', data: { mode: 'cart', ...data } },
      { id: 'ok', type: 'message', data: { text: 'confirmado {{pedido.total}}' } },
      { id: 'no', type: 'message', data: { text: 'cancelado' } },
    ],
    [
      ['pp', 'confirmed', 'ok'],
      ['pp', 'cancelled', 'no'],
    ],
  );

const tap = (id: string, title: string) => ({ kind: 'reply' as const, id: `pp:${id}`, title });

describe('product_picker cart', () => {
  it('changes a quantity, removes an item and shows the subtotal after each edit', async () => {
    const products = [
      product({ id: 'm', name: 'Margherita', priceCents: 4000 }),
      product({ id: 'c', name: 'Calabresa', priceCents: 5000 }),
    ];
    const d = driver(flow(), { categories, products });
    await d.send('oi');
    await d.send('Pizzas');
    await d.send('Margherita');
    await d.send('2');
    // "adicionar mais" goes back to the categories, with the cart kept.
    expect(texts(await d.content(tap('yes', 'Sim, adicionar')))).toEqual(['Escolha uma categoria:']);
    await d.send('Pizzas');
    await d.send('Calabresa');
    const more = sent(await d.send('1'))[0];
    expect(more).toMatchObject({
      kind: 'buttons',
      body: '2x Margherita — R$ 80,00\n1x Calabresa — R$ 50,00\n\nSubtotal: R$ 130,00\n\nAdicionar mais itens?',
      buttons: [{ title: 'Sim, adicionar' }, { title: 'Editar carrinho' }, { title: 'Não, finalizar' }],
    });
    const items = sent(await d.content(tap('edit', 'Editar carrinho')))[0];
    expect(items?.kind === 'buttons' && items.buttons.map((b) => b.title)).toEqual(['Margherita', 'Calabresa']);
    expect(texts(await d.send('Margherita'))).toEqual(['Quantas unidades de Margherita? (0 remove do carrinho)']);
    expect(texts(await d.send('3'))[0]).toBe(
      '3x Margherita — R$ 120,00\n1x Calabresa — R$ 50,00\n\nSubtotal: R$ 170,00\n\nAdicionar mais itens?',
    );
    await d.send('editar');
    await d.send('Calabresa');
    expect(texts(await d.send('0'))[0]).toBe(
      '3x Margherita — R$ 120,00\n\nSubtotal: R$ 120,00\n\nAdicionar mais itens?',
    );
    await d.content(tap('no', 'Não, finalizar'));
    const done = await d.content(tap('yes', 'Confirmar'));
    expect(effectOf(done, 'record_order')?.items).toEqual([
      { productId: 'm', variantId: null, name: 'Margherita', unitPriceCents: 4000, quantity: 3 },
    ]);
  });

  it('shows the cart when the contact types "carrinho" mid-way, and empties back to the categories', async () => {
    const d = driver(flow(), { categories, products: [product({ id: 'm', name: 'Margherita', priceCents: 4000 })] });
    await d.send('oi');
    await d.send('Pizzas');
    await d.send('Margherita');
    await d.send('1');
    await d.content(tap('yes', 'Sim, adicionar'));
    expect(texts(await d.send('carrinho'))[0]).toContain('Subtotal: R$ 40,00');
    await d.send('editar');
    await d.send('Margherita');
    // The last item removed: nothing to confirm, so the categories again.
    expect(texts(await d.send('0'))).toEqual(['Escolha uma categoria:']);
  });

  it('offers variants with their own price and stock, the promotional price charged', async () => {
    const products = [
      product({
        id: 'p',
        name: 'Pizza',
        priceCents: 4000,
        variants: [
          { id: 'pg', name: 'Grande', priceCents: 6000, promoPriceCents: 5500, stock: 2 },
          { id: 'pm', name: 'Média', priceCents: 4500, stock: 0 },
          { id: 'pb', name: 'Broto', priceCents: 3000, stock: null },
        ],
      }),
      product({ id: 's', name: 'Suco', priceCents: 1000, promoPriceCents: 800 }),
      product({
        id: 'x',
        name: 'Esgotada',
        priceCents: 1000,
        variants: [{ id: 'x1', name: 'P', priceCents: 1, stock: 0 }],
      }),
    ];
    const d = driver(flow(), { categories, products });
    await d.send('oi');
    const list = sent(await d.send('Pizzas'))[0];
    // A product whose every variant is sold out is not offered.
    expect(list?.kind === 'buttons' && list.buttons.map((b) => b.title)).toEqual(['Pizza', 'Suco']);
    const variants = sent(await d.send('Pizza'))[0];
    // The sold-out size is not offered; each size shows its own price.
    expect(variants?.kind === 'buttons' && variants.buttons.map((b) => b.title)).toEqual(['Grande', 'Broto']);
    expect(texts(await d.send('Grande'))).toEqual(['Quantas unidades de Pizza (Grande)? (1 a 2)']);
    expect(texts(await d.send('3'))).toEqual(['Digite um número de 1 a 2.']);
    await d.send('2');
    await d.content(tap('no', 'Não, finalizar'));
    const done = await d.content(tap('yes', 'Confirmar'));
    expect(effectOf(done, 'record_order')?.items).toEqual([
      { productId: 'p', variantId: 'pg', name: 'Pizza (Grande)', unitPriceCents: 5500, quantity: 2 },
    ]);
  });

  it('shows the price, promotional when set, in each list row', async () => {
    const many = Array.from({ length: 4 }, (_, i) =>
      product({ id: `p${i}`, name: `Pizza ${i}`, priceCents: 3000 + i, promoPriceCents: i === 0 ? 2500 : null }),
    );
    const d = driver(flow(), { categories, products: many });
    await d.send('oi');
    const list = sent(await d.send('Pizzas'))[0];
    expect(list?.kind).toBe('list');
    if (list?.kind !== 'list') return;
    const rows = list.sections.flatMap((s) => s.rows);
    expect(rows[0]?.description).toBe('R$ 25,00 (de R$ 30,00)');
    expect(rows[1]?.description).toBe('R$ 30,01');
  });

  it('offers only the products whose attributes match the filters', async () => {
    const homes = [
      product({ id: 'a', name: 'Apto Centro', priceCents: 1, attributes: { quartos: '3', bairro: 'Centro' } }),
      product({ id: 'b', name: 'Apto Tirol', priceCents: 1, attributes: { quartos: '3', bairro: 'Tirol' } }),
      product({ id: 'c', name: 'Casa Centro', priceCents: 1, attributes: { quartos: '2', bairro: 'Centro' } }),
    ];
    const d = driver(flow({ attributeFilters: { bairro: 'centro', quartos: '3' } }), { categories, products: homes });
    await d.send('oi');
    const list = sent(await d.send('Pizzas'))[0];
    expect(list?.kind === 'buttons' && list.buttons.map((b) => b.title)).toEqual(['Apto Centro']);
  });

  it("says the block's own texts instead of the defaults", async () => {
    const d = driver(flow({ texts: { chooseProduct: 'Qual sabor?', nothingAvailable: 'Fechados hoje' } }), {
      categories,
      products: [product({ id: 'm', name: 'Margherita', priceCents: 1 })],
    });
    await d.send('oi');
    expect(texts(await d.send('Pizzas'))).toEqual(['Qual sabor?']);
    const empty = driver(flow({ texts: { nothingAvailable: 'Fechados hoje' } }));
    expect(texts(await empty.send('oi'))).toEqual(['Fechados hoje', 'cancelado']);
  });

  it('re-reads the stock at confirmation and fits the cart to what is left', async () => {
    const products = [
      product({ id: 'm', name: 'Margherita', priceCents: 4000, stock: 5 }),
      product({ id: 'c', name: 'Calabresa', priceCents: 5000, stock: 2 }),
    ];
    const d = driver(flow(), { categories, products });
    await d.send('oi');
    await d.send('Pizzas');
    await d.send('Margherita');
    await d.send('4');
    await d.content(tap('yes', 'Sim, adicionar'));
    await d.send('Pizzas');
    await d.send('Calabresa');
    await d.send('2');
    await d.content(tap('no', 'Não, finalizar'));
    // Others bought meanwhile.
    products[0] = { ...products[0]!, stock: 1 };
    products[1] = { ...products[1]!, stock: 0 };
    const retry = await d.content(tap('yes', 'Confirmar'));
    expect(effectOf(retry, 'record_order')).toBeUndefined();
    expect(texts(retry)).toEqual([
      'Desculpe, o estoque mudou:\nMargherita: restam só 1 unidade(s).\nCalabresa: esgotou.\nAjustei seu carrinho.',
      'Resumo do pedido:\n1x Margherita — R$ 40,00\n\nTotal: R$ 40,00',
    ]);
    const done = await d.content(tap('yes', 'Confirmar'));
    expect(effectOf(done, 'record_order')?.totalCents).toBe(4000);
  });

  it('asks the catalog the block names for its categories', async () => {
    const asked: (string | null | undefined)[] = [];
    const d = driver(flow({ catalogId: 'pizzaria' }), { categories, products: [] });
    const original = d.ports.catalog.categories;
    d.ports.catalog.categories = async (ids, catalogId) => {
      asked.push(catalogId);
      return original(ids, catalogId);
    };
    await d.send('oi');
    expect(asked).toEqual(['pizzaria']);
  });
});

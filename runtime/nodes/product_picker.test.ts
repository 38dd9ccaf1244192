import { describe, expect, it } from 'vitest';
import { buildFlow } from '../testing/build-flow.ts';
import { driver, effectOf, sent, texts } from '../testing/session-test-kit.ts';
import type { Product } from '../ports.ts';

const categories = [
  { id: 'pz', name: 'Pizzas' },
  { id: 'bb', name: 'Bebidas' },
];
const product = (p: Partial<Product> & Pick<Product, 'id' | 'name' | 'priceCents'>): Product => ({
  categoryId: 'pz',
  description: '',
  imageUrl: null,
  stock: null,
  ...p,
});
const products = [
  product({ id: 'p1', name: 'Margherita', priceCents: 4590 }),
  product({ id: 'p2', name: 'Calabresa', priceCents: 4990, stock: 3 }),
  product({ id: 'p3', name: 'Esgotada', priceCents: 100, stock: 0 }),
  product({
    id: 'b1',
    categoryId: 'bb',
    name: 'Suco',
    priceCents: 800,
    imageUrl: 'https://img/suco.jpg',
    description: 'Natural',
  }),
];

const flow = (mode: 'cart' | 'single') =>
  buildFlow(
    [
      { id: 'pp', type: 'product_picker', data: { mode, timeoutMinutes: 60 } },
      { id: 'ok', type: 'message', data: { text: 'confirmado {{pedido.total}}' } },
      { id: 'no', type: 'message', data: { text: 'cancelado' } },
    ],
    [
      ['pp', 'confirmed', 'ok'],
      ['pp', 'cancelled', 'no'],
    ],
  );

const tap = (id: string, title: string) => ({ kind: 'reply' as const, id: `pp:${id}`, title });

describe('product_picker', () => {
  it('builds a cart, confirms it and records the order', async () => {
    const d = driver(flow('cart'), { categories, products });
    expect(sent(await d.send('oi'))[0]).toMatchObject({
      kind: 'buttons',
      buttons: [{ title: 'Pizzas' }, { title: 'Bebidas' }],
    });
    const list = sent(await d.content(tap('pz', 'Pizzas')))[0];
    // The sold-out pizza is not offered.
    expect(list?.kind === 'buttons' && list.buttons.map((b) => b.title)).toEqual(['Margherita', 'Calabresa']);
    expect(texts(await d.send('Calabresa'))).toEqual(['Quantas unidades de Calabresa? (1 a 3)']);
    expect(texts(await d.send('5'))).toEqual(['Digite um número de 1 a 3.']);
    await d.send('2');
    await d.content(tap('yes', 'Sim, adicionar'));
    await d.send('2');
    await d.send('1');
    await d.send('1');
    const summary = await d.content(tap('no', 'Não, finalizar'));
    expect(texts(summary)[0]).toBe('Resumo do pedido:\n2x Calabresa — R$ 99,80\n1x Suco — R$ 8,00\n\nTotal: R$ 107,80');
    const done = await d.content(tap('yes', 'Confirmar'));
    expect(effectOf(done, 'record_order')).toEqual({
      type: 'record_order',
      totalCents: 10780,
      delivery: { address: '', notes: '', paymentMethod: null },
      items: [
        { productId: 'p2', variantId: null, name: 'Calabresa', unitPriceCents: 4990, quantity: 2 },
        { productId: 'b1', variantId: null, name: 'Suco', unitPriceCents: 800, quantity: 1 },
      ],
    });
    expect(texts(done)).toEqual(['confirmado R$ 107,80']);
    expect(d.session?.variables.pedido).toMatchObject({
      total_cents: 10780,
      itens: [
        { id: 'p2', quantidade: 2 },
        { id: 'b1', quantidade: 1 },
      ],
    });
    expect(effectOf(done, 'cancel_timer')).toBeDefined();
  });

  it('records the address, notes and payment the flow collected, from the variables its data names', async () => {
    const d = driver(
      buildFlow(
        [
          {
            id: 'vars',
            type: 'set',
            data: {
              assignments: [
                { variable: 'entrega', value: 'Rua das Flores, 123' },
                { variable: 'observacoes', value: 'sem cebola' },
              ],
            },
          },
          { id: 'pp', type: 'product_picker', data: { addressVariable: 'entrega' } },
        ],
        [['vars', 'next', 'pp']],
      ),
      { categories, products },
    );
    await d.send('oi');
    await d.send('Pizzas');
    await d.send('Margherita');
    await d.send('1');
    await d.content(tap('no', 'Não, finalizar'));
    const done = await d.content(tap('yes', 'Confirmar'));
    expect(effectOf(done, 'record_order')).toMatchObject({
      totalCents: 4590,
      delivery: { address: 'Rua das Flores, 123', notes: 'sem cebola', paymentMethod: null },
    });
  });

  it('asks the address after the confirmation when it has none, and records the order with it', async () => {
    const d = driver(
      buildFlow(
        [
          { id: 'pp', type: 'product_picker', data: { addressQuestion: 'Qual o endereço, {{contact.name}}?' } },
          { id: 'ok', type: 'message', data: { text: 'Entrega em {{endereco}}' } },
        ],
        [['pp', 'confirmed', 'ok']],
      ),
      { categories, products },
    );
    await d.send('oi');
    await d.send('Pizzas');
    await d.send('Margherita');
    await d.send('2');
    await d.content(tap('no', 'Não, finalizar'));
    const asked = await d.content(tap('yes', 'Confirmar'));
    expect(texts(asked)).toEqual(['Qual o endereço, Ana Souza?']);
    expect(effectOf(asked, 'record_order')).toBeUndefined();
    expect(texts(await d.send('Rua'))).toEqual([
      'Preciso do endereço completo, com rua, número e bairro. Pode mandar de novo?',
    ]);
    const done = await d.send('Rua das Flores, 123, Centro');
    expect(effectOf(done, 'record_order')).toMatchObject({
      totalCents: 9180,
      delivery: { address: 'Rua das Flores, 123, Centro' },
    });
    expect(texts(done)).toEqual(['Entrega em Rua das Flores, 123, Centro']);
  });

  it('reads the quantity in words, as a number question does', async () => {
    const d = driver(flow('cart'), { categories, products });
    await d.send('oi');
    await d.send('Pizzas');
    await d.send('Margherita');
    expect(texts(await d.send('meia dúzia'))[0]).toBe(
      '6x Margherita — R$ 275,40\n\nSubtotal: R$ 275,40\n\nAdicionar mais itens?',
    );
    await d.content(tap('yes', 'Sim, adicionar'));
    await d.send('Pizzas');
    await d.send('Calabresa');
    // Words and digits share the bounds: Calabresa has 3 in stock, and half a unit is no quantity.
    expect(texts(await d.send('quatro'))).toEqual(['Digite um número de 1 a 3.']);
    expect(texts(await d.send('1,5'))).toEqual(['Digite um número de 1 a 3.']);
    expect(texts(await d.send('duas'))[0]).toContain('2x Calabresa — R$ 99,80');
  });

  it('takes the two-button answers typed as the buttons read, by key word, or as sim/não', async () => {
    const d = driver(flow('cart'), { categories, products });
    await d.send('oi');
    await d.send('Pizzas');
    await d.send('Margherita');
    await d.send('1');
    // The contact types what the button says instead of tapping it.
    expect(texts(await d.send('adicionar'))).toEqual(['Escolha uma categoria:']);
    await d.send('Bebidas');
    await d.send('Suco');
    await d.send('duas');
    expect(texts(await d.send('Não, finalizar'))[0]).toBe(
      'Resumo do pedido:\n1x Margherita — R$ 45,90\n2x Suco — R$ 16,00\n\nTotal: R$ 61,90',
    );
    expect(texts(await d.send('confirmar'))).toEqual(['confirmado R$ 61,90']);

    const other = driver(flow('cart'), { categories, products });
    await other.send('oi');
    await other.send('Pizzas');
    await other.send('Margherita');
    await other.send('1');
    expect(texts(await other.send('finalizar'))[0]).toContain('Resumo do pedido:');
    expect(texts(await other.send('pode ser'))).toEqual(['confirmado R$ 45,90']);
  });

  it('finds a category or product by the words people type, not only by its whole name', async () => {
    const pizzas = [
      product({ id: 'cal', name: 'Pizza Calabresa', priceCents: 4990 }),
      product({ id: 'mar', name: 'Pizza Margherita', priceCents: 4590 }),
    ];
    const d = driver(flow('cart'), { categories, products: pizzas });
    await d.send('oi');
    expect(texts(await d.send('quero uma pizza'))).toEqual(['Escolha um produto:']);
    // "pizza" is in both names: asked again, not guessed.
    expect(texts(await d.send('pizza'))).toEqual(['Não entendi 🙂 Escolha uma das opções.', 'Escolha um produto:']);
    expect(texts(await d.send('calabresa'))).toEqual(['Quantas unidades de Pizza Calabresa? (1 a 99)']);
  });

  it('cancels on "cancelar" at any stage', async () => {
    const d = driver(flow('cart'), { categories, products });
    await d.send('oi');
    await d.send('pizzas');
    expect(texts(await d.send('Cancelar'))).toEqual(['cancelado']);
  });

  it('re-offers the list on a wrong choice', async () => {
    const d = driver(flow('cart'), { categories, products });
    await d.send('oi');
    expect(texts(await d.send('sorvete'))).toEqual([
      'Não entendi 🙂 Escolha uma das opções.',
      'Escolha uma categoria:',
    ]);
  });

  it('in single mode sends the product card and stores the product', async () => {
    const d = driver(flow('single'), { categories, products });
    await d.send('oi');
    await d.send('bebidas');
    const effects = await d.send('1');
    expect(sent(effects)[0]).toEqual({
      kind: 'media',
      media: 'image',
      url: 'https://img/suco.jpg',
      caption: '*Suco*\nNatural\nR$ 8,00',
    });
    expect(d.session?.variables.pedido).toEqual({
      id: 'b1',
      nome: 'Suco',
      descricao: 'Natural',
      preco: 'R$ 8,00',
      preco_cents: 800,
      imagem: 'https://img/suco.jpg',
    });
    expect(effectOf(effects, 'record_order')).toBeUndefined();
  });

  it('takes timeout from its timer', async () => {
    const d = driver(flow('cart'), { categories, products });
    const key = effectOf(await d.send('oi'), 'set_timer')?.key ?? '';
    const effects = await d.event({ type: 'timer', key });
    expect(effects.some((e) => e.type === 'analytics' && e.output === 'timeout')).toBe(true);
  });

  it('cancels when the catalog is empty', async () => {
    const d = driver(flow('cart'));
    expect(texts(await d.send('oi'))).toEqual(['Nenhum produto disponível no momento.', 'cancelado']);
  });
});

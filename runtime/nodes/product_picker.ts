/**
 * Catalog browsing as a small state machine kept in `awaiting.state`:
 * category → product → (cart: [variant →] quantity → more? [→ edit → new quantity] → confirm)
 * | (single: product card). Over 400 lines because the stages only make sense read together;
 * cart arithmetic and stock checks live in `lib/cart.ts`.
 */
import { z } from 'zod';
import type { FlowNodeOf } from '../../shared/flow/schema.ts';
import { whatsappLimits } from '../../shared/whatsapp-limits.ts';
import { choiceMessage, readChoice, replyId, type Choice, type ChoiceAnswer } from '../choice.ts';
import type { StepContext } from '../context.ts';
import type { OrderDelivery, OrderItem } from '../effects.ts';
import type { Executor, Outcome } from '../executor.ts';
import { output } from '../executor.ts';
import { matchByNameWords } from '../lib/match-option.ts';
import { normalizeText } from '../lib/normalize.ts';
import { parseYesNo } from '../lib/yes-no.ts';
import { formatBRL } from '../lib/money.ts';
import {
  availableVariants,
  cartTotal as total,
  fitToStock,
  inStock,
  matchesAttributes,
  priceLabel,
  sameLine,
  shortLines,
  shortNotice,
  stockOf,
  summaryLines,
  unitPrice,
} from '../lib/cart.ts';
import { parseNumberBR } from '../lib/number-br.ts';
import type { Product } from '../ports.ts';
import type { Awaiting, Json } from '../session.ts';
import { formatValue } from '../../shared/template/render.ts';
import { truncate } from '../../shared/text/truncate.ts';
import { typedText } from '../text.ts';
import { cartFromOrder, sendProductMessage } from './product_picker-meta.ts';

type PickerNode = FlowNodeOf<'product_picker'>;

const cartItem = z.object({
  productId: z.string(),
  variantId: z.string().nullable().catch(null),
  name: z.string(),
  unitPriceCents: z.number(),
  quantity: z.number(),
});
const pickerState = z.object({
  stage: z
    .enum([
      'category',
      'product',
      'variant',
      'quantity',
      'more',
      'edit',
      'edit_quantity',
      'confirm',
      'address',
      'catalog_message',
    ])
    .catch('category'),
  page: z.number().int().min(0).catch(0),
  categoryId: z.string().nullable().catch(null),
  productId: z.string().nullable().catch(null),
  variantId: z.string().nullable().catch(null),
  cart: z.array(cartItem).catch([]),
});
type PickerState = z.infer<typeof pickerState>;

const cancelWords = new Set(['cancelar', 'cancela', 'sair']);
// Typed at any stage once something is in the cart: shows it with the subtotal and the edit button.
const cartWords = new Set(['carrinho', 'subtotal', 'meu carrinho', 'ver carrinho']);
const edit = 'edit';
const editTitle = 'Editar carrinho';
// "Rua A, 1" is about the shortest address a courier can find.
const minAddressLength = 8;
const addressRetry = 'Preciso do endereço completo, com rua, número e bairro. Pode mandar de novo?';
const yes = 'yes';
const no = 'no';
// The two-button questions as the contact sees them: typing a button's title, or its key word,
// answers it as a tap would ("Não, finalizar", "finalizar"), besides a plain "sim"/"não".
interface TwoButtons {
  titles: readonly [yes: string, no: string];
  words: ReadonlyMap<string, boolean>;
}
const moreButtons: TwoButtons = {
  titles: ['Sim, adicionar', 'Não, finalizar'],
  words: new Map([
    ['adicionar', true],
    ['finalizar', false],
  ]),
};
const confirmButtons: TwoButtons = {
  titles: ['Confirmar', 'Cancelar'],
  words: new Map([
    ['confirmar', true],
    ['confirma', true],
  ]),
};

/** What the block offers: in stock, and with the attributes it filters by. */
const available = (node: PickerNode, products: Product[]) =>
  products.filter((p) => inStock(p) && matchesAttributes(p, node.data.attributeFilters));

function save(awaiting: Awaiting, state: PickerState): Outcome {
  return { type: 'wait', awaiting: { ...awaiting, state: state as unknown as Record<string, Json> } };
}

async function askCategory(
  node: PickerNode,
  ctx: StepContext,
  awaiting: Awaiting,
  state: PickerState,
  page = 0,
  { productMessage = true } = {},
): Promise<Outcome> {
  // WhatsApp's own catalog UI when the block asks for it and the catalog is synced with Meta.
  if (productMessage && page === 0 && (await sendProductMessage(node, ctx)))
    return save(awaiting, { ...state, stage: 'catalog_message', page: 0, categoryId: null, productId: null });
  const categories = await ctx.ports.catalog.categories(node.data.categoryIds, node.data.catalogId);
  if (categories.length === 0) {
    ctx.send({ kind: 'text', text: ctx.render(node.data.texts.nothingAvailable) });
    return output('cancelled');
  }
  ctx.send(
    choiceMessage({
      nodeId: node.id,
      body: ctx.render(node.data.text),
      buttonLabel: 'Categorias',
      choices: categories.map((c) => ({ id: c.id, title: c.name })),
      page,
    }),
  );
  return save(awaiting, { ...state, stage: 'category', page, categoryId: null, productId: null, variantId: null });
}

/** The price leads each row's description: a list row's title has no room for it. */
function productChoices(products: Product[]): Choice[] {
  return products.map((p) => ({
    id: p.id,
    title: p.name,
    description: `${priceLabel(p)}${p.description ? ` · ${p.description}` : ''}`,
  }));
}

function variantChoices(product: Product): Choice[] {
  return availableVariants(product).map((v) => ({ id: v.id, title: v.name, description: priceLabel(v) }));
}

async function askProduct(
  node: PickerNode,
  ctx: StepContext,
  awaiting: Awaiting,
  state: PickerState,
  categoryId: string,
  page = 0,
): Promise<Outcome> {
  const products = available(node, await ctx.ports.catalog.products(categoryId));
  if (products.length === 0) {
    ctx.send({ kind: 'text', text: ctx.render(node.data.texts.categoryEmpty) });
    return askCategory(node, ctx, awaiting, state);
  }
  ctx.send(
    choiceMessage({
      nodeId: node.id,
      body: ctx.render(node.data.texts.chooseProduct),
      buttonLabel: 'Produtos',
      choices: productChoices(products),
      page,
    }),
  );
  return save(awaiting, { ...state, stage: 'product', page, categoryId });
}

function askVariant(node: PickerNode, ctx: StepContext, awaiting: Awaiting, state: PickerState, product: Product) {
  ctx.send(
    choiceMessage({
      nodeId: node.id,
      body: `*${product.name}*\n${ctx.render(node.data.texts.chooseVariant)}`,
      buttonLabel: 'Opções',
      choices: variantChoices(product),
      page: 0,
    }),
  );
  return save(awaiting, { ...state, stage: 'variant', productId: product.id, variantId: null });
}

function maxFor(node: PickerNode, product: Product | null, variantId: string | null): number {
  const stock = product ? stockOf(product, variantId) : null;
  return stock == null ? node.data.maxQuantity : Math.min(node.data.maxQuantity, stock);
}

function askQuantity(node: PickerNode, ctx: StepContext, awaiting: Awaiting, state: PickerState, product: Product) {
  const name = lineName(product, state.variantId);
  ctx.send({ kind: 'text', text: `Quantas unidades de ${name}? (1 a ${maxFor(node, product, state.variantId)})` });
  return save(awaiting, { ...state, stage: 'quantity', productId: product.id });
}

const lineName = (p: Product, variantId: string | null) => {
  const variant = variantId ? p.variants?.find((v) => v.id === variantId) : undefined;
  return variant ? `${p.name} (${variant.name})` : p.name;
};

/** The cart, its subtotal and the three ways on: add more, edit the cart, finish. */
function askMore(node: PickerNode, ctx: StepContext, awaiting: Awaiting, state: PickerState): Outcome {
  const question = `\n\nSubtotal: ${formatBRL(total(state.cart))}\n\n${ctx.render(node.data.texts.addMore)}`;
  // The question stays whole: only the summary above it is clipped to what the body leaves.
  const body = `${truncate(summaryLines(state.cart).join('\n'), whatsappLimits.interactiveBody - question.length)}${question}`;
  ctx.send({
    kind: 'buttons',
    body,
    buttons: [
      { id: replyId(node.id, yes), title: moreButtons.titles[0] },
      { id: replyId(node.id, edit), title: editTitle },
      { id: replyId(node.id, no), title: moreButtons.titles[1] },
    ],
  });
  return save(awaiting, { ...state, stage: 'more', productId: null, variantId: null });
}

const lineKey = (i: OrderItem) => `${i.productId}~${i.variantId ?? ''}`;

function askEdit(node: PickerNode, ctx: StepContext, awaiting: Awaiting, state: PickerState): Outcome {
  ctx.send(
    choiceMessage({
      nodeId: node.id,
      body: 'Qual item você quer alterar?',
      buttonLabel: 'Itens',
      choices: state.cart.map((i) => ({
        id: lineKey(i),
        title: i.name,
        description: `${i.quantity}x · ${formatBRL(i.unitPriceCents * i.quantity)}`,
      })),
      page: 0,
    }),
  );
  return save(awaiting, { ...state, stage: 'edit' });
}

function askConfirm(node: PickerNode, ctx: StepContext, awaiting: Awaiting, state: PickerState): Outcome {
  const body = truncate(
    `Resumo do pedido:\n${summaryLines(state.cart).join('\n')}\n\nTotal: ${formatBRL(total(state.cart))}`,
    whatsappLimits.interactiveBody,
  );
  ctx.send({
    kind: 'buttons',
    body,
    buttons: [
      { id: replyId(node.id, yes), title: confirmButtons.titles[0] },
      { id: replyId(node.id, no), title: confirmButtons.titles[1] },
    ],
  });
  return save(awaiting, { ...state, stage: 'confirm' });
}

/** The flow's answers named by the picker's data, as the order stores them. */
function collectedDelivery(node: PickerNode, ctx: StepContext): OrderDelivery {
  const read = (name: string) => formatValue(ctx.session.variables[name]).trim();
  return {
    address: read(node.data.addressVariable),
    notes: read(node.data.notesVariable),
    paymentMethod: read(node.data.paymentVariable) || null,
  };
}

/** After "Confirmar": the address first when the picker asks it and the flow has none yet. */
async function confirmOrAskAddress(
  node: PickerNode,
  ctx: StepContext,
  awaiting: Awaiting,
  state: PickerState,
): Promise<Outcome> {
  if (node.data.addressQuestion.trim() === '' || collectedDelivery(node, ctx).address !== '')
    return confirm(node, ctx, awaiting, state);
  ctx.send({ kind: 'text', text: ctx.render(node.data.addressQuestion) });
  return save(awaiting, { ...state, stage: 'address' });
}

/**
 * Records the order once the stock still covers every line; otherwise tells the contact, fits the
 * cart to what is left and asks again. The commit takes the units under a guard as well: when
 * another order wins the race there, this step runs again and lands here.
 */
async function confirm(node: PickerNode, ctx: StepContext, awaiting: Awaiting, state: PickerState): Promise<Outcome> {
  const cart = state.cart;
  const short = await shortLines(cart, ctx.ports.catalog);
  if (short.length > 0) {
    ctx.send({ kind: 'text', text: shortNotice(short) });
    const fitted = { ...state, cart: fitToStock(cart, short) };
    return fitted.cart.length > 0 ? askConfirm(node, ctx, awaiting, fitted) : askCategory(node, ctx, awaiting, fitted);
  }
  const totalCents = total(cart);
  ctx.emit({ type: 'record_order', items: cart, totalCents, delivery: collectedDelivery(node, ctx) });
  ctx.setVariable(node.data.variable, {
    itens: cart.map((i) => ({
      id: i.productId,
      variante: i.variantId ?? null,
      nome: i.name,
      quantidade: i.quantity,
      preco: formatBRL(i.unitPriceCents),
      subtotal: formatBRL(i.unitPriceCents * i.quantity),
    })),
    total_cents: totalCents,
    total: formatBRL(totalCents),
    resumo: summaryLines(cart).join('\n'),
  });
  return output('confirmed');
}

function pickSingle(node: PickerNode, ctx: StepContext, p: Product): Outcome {
  const text = `*${p.name}*\n${p.description}\n${priceLabel(p)}`.trim();
  if (p.imageUrl)
    ctx.send({ kind: 'media', media: 'image', url: p.imageUrl, caption: truncate(text, whatsappLimits.caption) });
  else ctx.send({ kind: 'text', text });
  ctx.setVariable(node.data.variable, {
    id: p.id,
    nome: p.name,
    descricao: p.description,
    preco: formatBRL(unitPrice(p)),
    preco_cents: unitPrice(p),
    imagem: p.imageUrl,
  });
  ctx.setLastAnswer(p.name);
  return output('confirmed');
}

/**
 * A category or product as any choice (tap, number, whole name), or else by the words that tell
 * one name apart: names share words ("Pizza Calabresa", "Pizza Margherita") and people type
 * "calabresa" or "procuro um apartamento". Menus keep to whole titles: their options are few.
 */
function readCatalogChoice(nodeId: string, choices: Choice[], content: Parameters<typeof readChoice>[2]): ChoiceAnswer {
  const answer = readChoice(nodeId, choices, content);
  if (answer.kind !== 'none') return answer;
  const text = typedText(content);
  const id = text === null ? null : matchByNameWords(text, choices);
  return id === null ? answer : { kind: 'choice', id };
}

/** A tap or typed answer to a two-button question: true for the first button, false for the second, null otherwise. */
function readTwoButtons(
  nodeId: string,
  buttons: TwoButtons,
  content: Parameters<typeof readChoice>[2],
): boolean | null {
  const [yesTitle, noTitle] = buttons.titles;
  const answer = readChoice(
    nodeId,
    [
      { id: yes, title: yesTitle },
      { id: no, title: noTitle },
    ],
    content,
  );
  if (answer.kind === 'choice') return answer.id === yes;
  const text = typedText(content);
  if (text === null) return null;
  const word = normalizeText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return buttons.words.get(word) ?? parseYesNo(text);
}

/**
 * A cart sent from WhatsApp's catalog (at any stage): its items join the cart at Fluxo's prices,
 * what could not be taken is said, and the usual summary asks for confirmation.
 */
async function takeOrder(
  node: PickerNode,
  ctx: StepContext,
  awaiting: Awaiting,
  content: Parameters<typeof cartFromOrder>[2],
): Promise<Outcome> {
  const state = pickerState.parse(awaiting.state);
  const { cart: ordered, notes } = await cartFromOrder(node, ctx, content);
  let cart = state.cart;
  for (const item of ordered) {
    const line = { ...item, variantId: item.variantId ?? null };
    const existing = cart.find((i) => sameLine(i, line));
    cart = existing
      ? cart.map((i) =>
          i === existing ? { ...i, quantity: Math.min(node.data.maxQuantity, i.quantity + line.quantity) } : i,
        )
      : [...cart, line];
  }
  if (notes.length) ctx.send({ kind: 'text', text: notes.join('\n') });
  if (cart.length === 0) return askCategory(node, ctx, awaiting, { ...state, cart });
  return askConfirm(node, ctx, awaiting, { ...state, cart, productId: null, variantId: null });
}

export const product_picker: Executor<'product_picker'> = {
  async enter(node, ctx) {
    const minutes = node.data.timeoutMinutes;
    const awaiting: Awaiting = {
      kind: 'catalog',
      retries: 0,
      timerKey: minutes === null ? null : ctx.startTimer(minutes),
      state: {},
    };
    return askCategory(node, ctx, awaiting, pickerState.parse({}));
  },
  async resume(node, ctx, awaiting, input) {
    if (input.type === 'timeout') return output('timeout');
    if (input.type !== 'message') return { type: 'wait', awaiting };
    const content = input.content;
    if (content.kind === 'order' && node.data.mode === 'cart') return takeOrder(node, ctx, awaiting, content);
    const text = typedText(content);
    if (text === null) return { type: 'unreadable' };
    if (cancelWords.has(normalizeText(text))) return output('cancelled');
    const state = pickerState.parse(awaiting.state);
    const notUnderstood = () => ctx.send({ kind: 'text', text: ctx.render(node.data.texts.notUnderstood) });
    if (state.cart.length > 0 && state.stage !== 'address' && cartWords.has(normalizeText(text).trim()))
      return askMore(node, ctx, awaiting, state);

    switch (state.stage) {
      // Typed instead of sending a cart: the same catalog as lists, to browse by typing.
      case 'catalog_message':
        return askCategory(node, ctx, awaiting, state, 0, { productMessage: false });
      case 'category': {
        const categories = await ctx.ports.catalog.categories(node.data.categoryIds, node.data.catalogId);
        const answer = readCatalogChoice(
          node.id,
          categories.map((c) => ({ id: c.id, title: c.name })),
          content,
        );
        if (answer.kind === 'choice') return askProduct(node, ctx, awaiting, state, answer.id);
        if (answer.kind !== 'page') notUnderstood();
        return askCategory(node, ctx, awaiting, state, answer.kind === 'page' ? answer.page : 0);
      }
      case 'product': {
        const products = available(node, await ctx.ports.catalog.products(state.categoryId ?? ''));
        const answer = readCatalogChoice(node.id, productChoices(products), content);
        const product = answer.kind === 'choice' ? products.find((p) => p.id === answer.id) : undefined;
        if (product && node.data.mode === 'single') return pickSingle(node, ctx, product);
        if (product && availableVariants(product).length > 0) return askVariant(node, ctx, awaiting, state, product);
        if (product) return askQuantity(node, ctx, awaiting, { ...state, variantId: null }, product);
        if (answer.kind !== 'page') notUnderstood();
        return askProduct(node, ctx, awaiting, state, state.categoryId ?? '', answer.kind === 'page' ? answer.page : 0);
      }
      case 'variant': {
        const product = await ctx.ports.catalog.product(state.productId ?? '');
        if (!product || !inStock(product)) return askProduct(node, ctx, awaiting, state, state.categoryId ?? '');
        const answer = readCatalogChoice(node.id, variantChoices(product), content);
        if (answer.kind === 'choice')
          return askQuantity(node, ctx, awaiting, { ...state, variantId: answer.id }, product);
        notUnderstood();
        return askVariant(node, ctx, awaiting, state, product);
      }
      case 'quantity': {
        const product = await ctx.ports.catalog.product(state.productId ?? '');
        if (!product || stockOf(product, state.variantId) === 0)
          return askProduct(node, ctx, awaiting, state, state.categoryId ?? '');
        const max = maxFor(node, product, state.variantId);
        // The same reading as a number question: "2", "duas", "meia dúzia".
        const quantity = parseNumberBR(text);
        if (quantity === null || !Number.isInteger(quantity) || quantity < 1 || quantity > max) {
          ctx.send({ kind: 'text', text: `Digite um número de 1 a ${max}.` });
          return save(awaiting, state);
        }
        const variant = product.variants?.find((v) => v.id === state.variantId);
        const line = { productId: product.id, variantId: variant?.id ?? null };
        const existing = state.cart.find((i) => sameLine(i, line));
        const cart = existing
          ? state.cart.map((i) => (i === existing ? { ...i, quantity: Math.min(max, i.quantity + quantity) } : i))
          : [
              ...state.cart,
              {
                ...line,
                name: lineName(product, line.variantId),
                unitPriceCents: unitPrice(variant ?? product),
                quantity,
              },
            ];
        return askMore(node, ctx, awaiting, { ...state, cart });
      }
      case 'edit': {
        const answer = readChoice(
          node.id,
          state.cart.map((i) => ({ id: lineKey(i), title: i.name })),
          content,
        );
        const line = answer.kind === 'choice' ? state.cart.find((i) => lineKey(i) === answer.id) : undefined;
        if (!line) {
          notUnderstood();
          return askEdit(node, ctx, awaiting, state);
        }
        ctx.send({ kind: 'text', text: `Quantas unidades de ${line.name}? (0 remove do carrinho)` });
        return save(awaiting, {
          ...state,
          stage: 'edit_quantity',
          productId: line.productId,
          variantId: line.variantId,
        });
      }
      case 'edit_quantity': {
        const target = { productId: state.productId ?? '', variantId: state.variantId };
        const product = await ctx.ports.catalog.product(target.productId);
        const max = maxFor(node, product, state.variantId);
        const quantity = parseNumberBR(text);
        if (quantity === null || !Number.isInteger(quantity) || quantity < 0 || quantity > max) {
          ctx.send({ kind: 'text', text: `Digite um número de 0 a ${max}.` });
          return save(awaiting, state);
        }
        const cart = state.cart.flatMap((i) =>
          sameLine(i, target) ? (quantity > 0 ? [{ ...i, quantity }] : []) : [i],
        );
        if (cart.length === 0) return askCategory(node, ctx, awaiting, { ...state, cart });
        return askMore(node, ctx, awaiting, { ...state, cart });
      }
      case 'more': {
        const answer = readChoice(node.id, [{ id: edit, title: editTitle }], content);
        if (answer.kind === 'choice' || normalizeText(text).trim() === 'editar')
          return askEdit(node, ctx, awaiting, state);
        const more = readTwoButtons(node.id, moreButtons, content);
        // Back to the categories (not the flow's greeting), with the cart kept.
        if (more === true) return askCategory(node, ctx, awaiting, state);
        if (more === false) return askConfirm(node, ctx, awaiting, state);
        notUnderstood();
        return askMore(node, ctx, awaiting, state);
      }
      case 'confirm': {
        const confirmed = readTwoButtons(node.id, confirmButtons, content);
        if (confirmed === true) return confirmOrAskAddress(node, ctx, awaiting, state);
        if (confirmed === false) return output('cancelled');
        notUnderstood();
        return askConfirm(node, ctx, awaiting, state);
      }
      case 'address': {
        const address = text.trim();
        if (address.length < minAddressLength) {
          ctx.send({ kind: 'text', text: addressRetry });
          return save(awaiting, state);
        }
        ctx.setVariable(node.data.addressVariable, address);
        ctx.setLastAnswer(address);
        return confirm(node, ctx, awaiting, state);
      }
    }
  },
};

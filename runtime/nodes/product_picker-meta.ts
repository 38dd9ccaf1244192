/**
 * The product picker over WhatsApp's own catalog UI: the products go out as a `product_list`
 * (a section per category) or, when there is only one, a `product` message, and the cart the
 * contact sends back (`order`) becomes the picker's cart, priced by Fluxo.
 */
import type { FlowNodeOf } from '../../shared/flow/schema.ts';
import { productListMessage, productMessageLimits as limits } from '../../shared/meta-catalog/product-message.ts';
import { productRetailerId, variantRetailerId } from '../../shared/meta-catalog/retailer-id.ts';
import { truncate } from '../../shared/text/truncate.ts';
import type { StepContext } from '../context.ts';
import type { OrderItem } from '../effects.ts';
import type { InboundContent } from '../events.ts';
import { availableVariants, inStock, matchesAttributes, unitPrice } from '../lib/cart.ts';
import { formatBRL } from '../lib/money.ts';
import type { Product, ProductVariant } from '../ports.ts';

type PickerNode = FlowNodeOf<'product_picker'>;
type OrderContent = Extract<InboundContent, { kind: 'order' }>;

interface Entry {
  retailerId: string;
  product: Product;
  variant: ProductVariant | null;
}

/** Every item of the picker's catalog by retailer id, with the category it is shown under. */
async function catalogEntries(node: PickerNode, ctx: StepContext) {
  const categories = await ctx.ports.catalog.categories(node.data.categoryIds, node.data.catalogId);
  const sections: { title: string; entries: Entry[] }[] = [];
  for (const category of categories) {
    const products = (await ctx.ports.catalog.products(category.id)).filter((p) =>
      matchesAttributes(p, node.data.attributeFilters),
    );
    const entries = products.flatMap((p): Entry[] =>
      p.variants && p.variants.length > 0
        ? p.variants.map((v) => ({ retailerId: variantRetailerId(p, v), product: p, variant: v }))
        : [{ retailerId: productRetailerId(p), product: p, variant: null }],
    );
    sections.push({ title: category.name, entries });
  }
  return sections;
}

const available = (e: Entry) =>
  inStock(e.product) && (e.variant === null || availableVariants(e.product).includes(e.variant));

/**
 * Sends the catalog as a WhatsApp product message when the block asks for it and the catalog is
 * synced with Meta; false (nothing sent) otherwise, and the picker asks with lists.
 */
export async function sendProductMessage(node: PickerNode, ctx: StepContext): Promise<boolean> {
  if (!node.data.productMessages || node.data.mode !== 'cart' || !ctx.ports.catalog.metaCatalog) return false;
  const catalogId = await ctx.ports.catalog.metaCatalog(node.data.catalogId);
  if (!catalogId) return false;
  let left: number = limits.products;
  const sections = (await catalogEntries(node, ctx)).slice(0, limits.sections).flatMap((s) => {
    const ids = s.entries
      .filter(available)
      .map((e) => e.retailerId)
      .slice(0, left);
    left -= ids.length;
    return ids.length ? [{ title: truncate(s.title, limits.sectionTitle), retailerIds: ids }] : [];
  });
  const body = truncate(ctx.render(node.data.text) || 'Escolha os produtos:', limits.body);
  const only = sections.length === 1 && sections[0]!.retailerIds.length === 1 ? sections[0]!.retailerIds[0] : null;
  if (only) {
    ctx.send({ kind: 'product', catalogId, retailerId: only, body });
    return true;
  }
  const message = productListMessage.safeParse({ kind: 'product_list', catalogId, header: 'Catálogo', body, sections });
  if (!message.success) return false;
  ctx.send(message.data);
  return true;
}

export interface CartFromOrder {
  cart: OrderItem[];
  /** What the contact is told before the summary: unknown items, prices that changed. */
  notes: string[];
}

/**
 * The contact's WhatsApp cart as the picker's: items found by retailer id (the SKU), priced by
 * Fluxo (the price WhatsApp showed is only compared), unknown or sold-out items left out and
 * named. Quantities are checked against stock when the order is confirmed, as for any cart.
 */
export async function cartFromOrder(node: PickerNode, ctx: StepContext, order: OrderContent): Promise<CartFromOrder> {
  const entries = new Map((await catalogEntries(node, ctx)).flatMap((s) => s.entries.map((e) => [e.retailerId, e])));
  const cart: OrderItem[] = [];
  const unknown: string[] = [];
  const soldOut: string[] = [];
  const repriced: string[] = [];
  for (const item of order.items) {
    const entry = entries.get(item.productId);
    const quantity = Math.floor(item.quantity);
    if (!entry || quantity < 1) {
      unknown.push(item.productId);
      continue;
    }
    const name = entry.variant ? `${entry.product.name} (${entry.variant.name})` : entry.product.name;
    if (!available(entry)) {
      soldOut.push(name);
      continue;
    }
    const price = unitPrice(entry.variant ?? entry.product);
    const shown = Math.round(item.unitPrice * 100);
    if (shown !== price) repriced.push(`${name}: ${formatBRL(price)} (no WhatsApp: ${formatBRL(shown)})`);
    const line = { productId: entry.product.id, variantId: entry.variant?.id ?? null };
    const existing = cart.find((i) => i.productId === line.productId && i.variantId === line.variantId);
    if (existing) existing.quantity += Math.min(quantity, node.data.maxQuantity);
    else cart.push({ ...line, name, unitPriceCents: price, quantity: Math.min(quantity, node.data.maxQuantity) });
  }
  const notes: string[] = [];
  if (unknown.length) notes.push(`Não encontrei no catálogo: ${unknown.join(', ')}.`);
  if (soldOut.length) notes.push(`Esgotado: ${soldOut.join(', ')}.`);
  if (repriced.length) notes.push(`Preço atualizado:\n${repriced.join('\n')}`);
  return { cart, notes };
}

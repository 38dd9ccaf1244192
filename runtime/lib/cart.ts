import type { OrderItem } from '../effects.ts';
import type { CatalogPort, Product, ProductVariant } from '../ports.ts';
import { formatBRL } from './money.ts';
import { normalizeText } from './normalize.ts';

/** What is charged: the promotional price while one is set. */
export const unitPrice = (p: Pick<Product | ProductVariant, 'priceCents' | 'promoPriceCents'>) =>
  p.promoPriceCents ?? p.priceCents;

/** "R$ 29,90" or, on promotion, "R$ 24,90 (de R$ 29,90)": how a list row shows a price. */
export function priceLabel(p: Pick<Product | ProductVariant, 'priceCents' | 'promoPriceCents'>): string {
  const promo = p.promoPriceCents;
  return promo != null && promo < p.priceCents
    ? `${formatBRL(promo)} (de ${formatBRL(p.priceCents)})`
    : formatBRL(unitPrice(p));
}

export const availableVariants = (p: Product): ProductVariant[] => (p.variants ?? []).filter((v) => v.stock !== 0);

/** Sold out products (or all of whose variants are sold out) are never offered. */
export function inStock(p: Product): boolean {
  if (p.variants && p.variants.length > 0) return availableVariants(p).length > 0;
  return p.stock !== 0;
}

/** Whether the product's free attributes have every filtered value (case and accents ignored). */
export function matchesAttributes(p: Product, filters: Record<string, string>): boolean {
  const attributes = p.attributes ?? {};
  return Object.entries(filters).every(([key, want]) => normalizeText(attributes[key] ?? '') === normalizeText(want));
}

/** The units left of a product or one of its variants; null when not tracked. */
export function stockOf(p: Product, variantId: string | null | undefined): number | null {
  if (!variantId) return p.stock;
  return p.variants?.find((v) => v.id === variantId)?.stock ?? 0;
}

export const cartTotal = (cart: OrderItem[]) => cart.reduce((sum, i) => sum + i.unitPriceCents * i.quantity, 0);

export const summaryLines = (cart: OrderItem[]) =>
  cart.map((i) => `${i.quantity}x ${i.name} — ${formatBRL(i.unitPriceCents * i.quantity)}`);

export const sameLine = (a: OrderItem, b: Pick<OrderItem, 'productId' | 'variantId'>) =>
  a.productId === b.productId && (a.variantId ?? null) === (b.variantId ?? null);

/** A cart line the stock no longer covers, and how many units are left (0: gone or sold out). */
export interface ShortLine {
  line: OrderItem;
  left: number;
}

/** The lines whose quantity the catalog cannot supply now (read just before the order is recorded). */
export async function shortLines(cart: OrderItem[], catalog: CatalogPort): Promise<ShortLine[]> {
  const short: ShortLine[] = [];
  for (const line of cart) {
    const product = await catalog.product(line.productId);
    const left = product ? stockOf(product, line.variantId) : 0;
    if (left !== null && left < line.quantity) short.push({ line, left });
  }
  return short;
}

/** The cart with each short line cut to what is left (removed when nothing is). */
export function fitToStock<T extends OrderItem>(cart: T[], short: ShortLine[]): T[] {
  return cart.flatMap((line) => {
    const s = short.find((x) => x.line === line);
    if (!s) return [line];
    return s.left > 0 ? [{ ...line, quantity: s.left }] : [];
  });
}

/** What the contact is told about the short lines. */
export function shortNotice(short: ShortLine[]): string {
  const lines = short.map(({ line, left }) =>
    left > 0 ? `${line.name}: restam só ${left} unidade(s).` : `${line.name}: esgotou.`,
  );
  return `Desculpe, o estoque mudou:\n${lines.join('\n')}\nAjustei seu carrinho.`;
}

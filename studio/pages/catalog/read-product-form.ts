import type { z } from 'zod';
import type { createProductRequest } from '../../../shared/api/catalog.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { parseReais } from '../../ui/money.ts';
import type { AttributeDraft } from './AttributesEditor.tsx';
import type { VariantDraft } from './VariantsEditor.tsx';

interface FormText {
  categoryId: string;
  name: string;
  description: string;
  price: string;
  promoPrice: string;
  imageUrl: string;
  stock: string;
  sku: string;
  active: boolean;
}

type Read = { ok: true; body: z.input<typeof createProductRequest> } | { ok: false; error: MessageKey };

/** Blank: not tracked (null); else a whole number of units, or undefined when it is not one. */
function readStock(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** The product form's texts as the API's body, or the message saying which field is wrong. */
export function readProductForm(form: FormText, variants: VariantDraft[], attributes: AttributeDraft[]): Read {
  const priceCents = parseReais(form.price);
  if (priceCents === null) return { ok: false, error: 'catalog.priceInvalid' };
  const promoPriceCents = form.promoPrice.trim() === '' ? null : parseReais(form.promoPrice);
  if (promoPriceCents === null && form.promoPrice.trim() !== '') return { ok: false, error: 'catalog.priceInvalid' };
  const stock = readStock(form.stock);
  if (stock === undefined) return { ok: false, error: 'catalog.stockInvalid' };
  const readVariants = [];
  for (const v of variants) {
    const price = parseReais(v.price);
    const vStock = readStock(v.stock);
    if (price === null || v.name.trim() === '') return { ok: false, error: 'catalogs.variantInvalid' };
    if (vStock === undefined) return { ok: false, error: 'catalog.stockInvalid' };
    readVariants.push({ name: v.name.trim(), priceCents: price, stock: vStock, sku: v.sku.trim() || null });
  }
  return {
    ok: true,
    body: {
      categoryId: form.categoryId,
      name: form.name,
      description: form.description,
      priceCents,
      promoPriceCents,
      imageUrl: form.imageUrl.trim() || null,
      stock,
      sku: form.sku.trim() || null,
      active: form.active,
      variants: readVariants,
      attributes: Object.fromEntries(
        attributes.filter((a) => a.key.trim() !== '').map((a) => [a.key.trim(), a.value.trim()]),
      ),
    },
  };
}

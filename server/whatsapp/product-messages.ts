import type { OutboundMessage } from '../../runtime/messages.ts';
import { productMessageLimits as limits } from '../../shared/meta-catalog/product-message.ts';
import { truncate } from '../../shared/text/truncate.ts';
import { omitUndefined } from './omit-undefined.ts';

type Body = Record<string, unknown>;
const footer = (text: string | undefined) => (text ? { text: truncate(text, limits.footer) } : undefined);

/**
 * `product_list`: products of the business's Meta catalog by retailer id, a header always, a
 * titled section each, at most 30 products in 10 sections (cut here too as a last defence).
 */
export function productListBody(m: Extract<OutboundMessage, { kind: 'product_list' }>): Body {
  let left = limits.products;
  const sections = m.sections.slice(0, limits.sections).flatMap((s) => {
    const ids = s.retailerIds.slice(0, left);
    left -= ids.length;
    return ids.length
      ? [
          {
            title: truncate(s.title, limits.sectionTitle),
            product_items: ids.map((id) => ({ product_retailer_id: id })),
          },
        ]
      : [];
  });
  return {
    type: 'interactive',
    interactive: omitUndefined({
      type: 'product_list',
      header: { type: 'text', text: truncate(m.header, limits.header) },
      body: { text: truncate(m.body, limits.body) },
      footer: footer(m.footer),
      action: { catalog_id: m.catalogId, sections },
    }),
  };
}

/** `product`: one item of the catalog; Meta allows no header here. */
export function singleProductBody(m: Extract<OutboundMessage, { kind: 'product' }>): Body {
  return {
    type: 'interactive',
    interactive: omitUndefined({
      type: 'product',
      body: m.body ? { text: truncate(m.body, limits.body) } : undefined,
      footer: footer(m.footer),
      action: { catalog_id: m.catalogId, product_retailer_id: m.retailerId },
    }),
  };
}

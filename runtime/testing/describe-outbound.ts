import type { OutboundMessage } from '../messages.ts';

/** One readable line per bot message, for failure reports and the CLI. */
export function describeOutbound(m: OutboundMessage): string {
  switch (m.kind) {
    case 'text':
      return `text: ${JSON.stringify(m.text)}`;
    case 'media':
      return `media ${m.media}: ${m.url}${m.caption ? ` ${JSON.stringify(m.caption)}` : ''}`;
    case 'buttons':
      return `buttons: ${JSON.stringify(m.body)} [${m.buttons.map((b) => b.title).join(' | ')}]`;
    case 'list':
      return `list: ${JSON.stringify(m.body)} [${m.sections.flatMap((s) => s.rows.map((r) => r.title)).join(' | ')}]`;
    case 'order_details':
      return `order_details ${m.reference}: ${m.totalCents} cents`;
    case 'order_status':
      return `order_status ${m.reference}: ${m.status}`;
    case 'product_list':
      return `product_list ${m.catalogId}: [${m.sections.map((s) => `${s.title}: ${s.retailerIds.join(', ')}`).join(' | ')}]`;
    case 'product':
      return `product ${m.catalogId}: ${m.retailerId}`;
    case 'template':
      return `template ${m.name}${m.buttons?.length ? ` [${m.buttons.map((b) => b.title ?? b.value).join(' | ')}]` : ''}`;
  }
}

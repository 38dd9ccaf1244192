import type { Order } from '../../shared/api/orders.ts';

/**
 * A cell a spreadsheet shows as text: a value starting with `=`, `+`, `-`, `@`, tab or CR would
 * run as a formula when opened (OWASP "CSV injection"), so it gets a leading apostrophe; quotes,
 * separators and line breaks are quoted as RFC 4180 says.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const header = [
  'numero',
  'data',
  'status',
  'cliente',
  'telefone',
  'canal',
  'fluxo',
  'itens',
  'total',
  'pagamento',
  'endereco',
  'observacoes',
];

const reais = (cents: number) => (cents / 100).toFixed(2);

/** The orders as CSV (UTF-8 with a BOM, so Excel reads the accents), one line per order. */
export function ordersCsv(orders: Order[]): string {
  const lines = orders.map((o) =>
    [
      o.number,
      o.createdAt,
      o.status,
      o.contactName,
      o.contactPhone,
      o.channelName,
      o.flowName,
      o.items.map((i) => `${i.quantity}x ${i.name} (${reais(i.unitPriceCents)})`).join(' | '),
      reais(o.totalCents),
      o.paymentMethod,
      o.address,
      o.notes,
    ]
      .map(csvCell)
      .join(','),
  );
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

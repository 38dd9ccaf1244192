const brl = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });

/**
 * 123456 → "R$ 1.234,56". Intl puts a non-breaking space (U+00A0, or U+202F in some ICU
 * versions) after "R$"; we print a plain space so that what contacts read, what flow
 * authors type in conversation tests and what the studio shows compare equal as strings,
 * whatever ICU version the server runs (Node 20, 22 and 24 ship different ones).
 */
export function formatBRL(cents: number): string {
  return brl.format(Math.round(cents) / 100).replace(/[\u00a0\u202f]/gu, ' ');
}

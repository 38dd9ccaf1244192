import { parseNumberBR } from './number-br.ts';

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

/**
 * "R$ 1.234,56" → 123456. Amounts with more than two decimals are rounded to the nearest
 * cent, half away from zero, so a negative amount rounds like its positive twin.
 */
export function parseBRLToCents(s: string): number | null {
  const value = parseNumberBR(s);
  if (value === null) return null;
  const cents = Math.sign(value) * Math.round(Math.abs(value) * 100);
  return Number.isSafeInteger(cents) ? cents || 0 : null;
}

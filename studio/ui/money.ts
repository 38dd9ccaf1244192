/**
 * Prices are typed the Brazilian way ("12,50", "R$ 1.234,56") and stored in cents.
 * Returns null when the text is not a price, so the form can say so.
 */
export function parseReais(text: string): number | null {
  const clean = text.replace(/R\$/i, '').replace(/\s/g, '');
  if (!clean) return null;
  let normalized: string;
  if (clean.includes(',')) {
    // "1.234,56": dots group thousands, the comma marks the cents.
    if (!/^\d{1,3}(\.\d{3})*(,\d{0,2})?$|^\d+(,\d{0,2})?$/.test(clean)) return null;
    normalized = clean.replace(/\./g, '').replace(',', '.');
  } else if (/^\d{1,3}(\.\d{3})+$/.test(clean)) {
    normalized = clean.replace(/\./g, '');
  } else if (/^\d+(\.\d{1,2})?$/.test(clean)) {
    normalized = clean;
  } else {
    return null;
  }
  const [whole = '0', fraction = ''] = normalized.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** 1250 → "12,50": the form's text for a stored price. */
export function centsToInput(cents: number): string {
  const whole = Math.floor(cents / 100);
  const fraction = String(cents % 100).padStart(2, '0');
  return `${whole},${fraction}`;
}

const brl = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });

/** 1250 → "R$ 12,50" for display. */
export function formatReais(cents: number): string {
  return brl.format(cents / 100);
}

import { parseNumberWordsBR } from './number-words-br.ts';

/**
 * Numbers as Brazilians type them, in digits or in words ("duas", "trinta e cinco", "dez mil"). Decisions for the ambiguous cases:
 * - Both `.` and `,` present: the last one is the decimal mark, the other must group
 *   thousands in threes ("1.234,56" and "1,234.56" are both 1234.56).
 * - Only `,`: one comma is the decimal mark ("1,5" = 1.5, "1,234" = 1.234); several must be
 *   valid thousands groups ("1,234,567").
 * - Only `.`: several must be valid thousands groups ("1.234.567"); a single dot followed by
 *   exactly three digits after a 1–3 digit integer not starting with 0 is a thousands
 *   separator, as in pt-BR ("1.234" = 1234, "350.000" = 350000); otherwise it is a decimal
 *   point ("1234.56", "0.500", "1.5"). A contact typing "1.234" means a thousand and more.
 * - "R$", spaces around, a leading sign (`-`, `+`, `−`) and a "mil"/"milhão" suffix
 *   ("350 mil") are accepted. Exponents, letters and stray symbols are garbage → null.
 */
export function parseNumberBR(s: string): number | null {
  let text = s.normalize('NFKC').trim().toLowerCase();
  let sign = 1;
  const signMatch = /^([-+−])\s*/u.exec(text);
  if (signMatch) {
    if (signMatch[1] !== '+') sign = -1;
    text = text.slice(signMatch[0].length);
  }
  text = text.replace(/^r\$\s*/u, '');
  // "R$ -10,00" puts the sign after the currency.
  if (sign === 1 && /^[-−]/u.test(text)) {
    sign = -1;
    text = text.slice(1).trim();
  }

  let scale = 1;
  const suffix = /\s*(mil|milh[aã]o|milh[oõ]es|mi)$/u.exec(text);
  if (suffix) {
    scale = suffix[1] === 'mil' ? 1_000 : 1_000_000;
    text = text.slice(0, suffix.index);
  }

  const plain = toPlainDecimal(text) ?? parseNumberWordsBR(text);
  if (plain === null) return null;
  const value = Number(plain) * scale * sign;
  if (!Number.isFinite(value)) return null;
  // -0 would print as "-0" in places; a typed "-0" means zero.
  return value === 0 ? 0 : value;
}

const groupedInteger = /^\d{1,3}(?:SEP\d{3})+$/u.source;
const grouped = (sep: string) => new RegExp(groupedInteger.replace('SEP', sep), 'u');
const dotGrouped = grouped('\\.');
const commaGrouped = grouped(',');

/** "1.234,56" → "1234.56", or null when the separators cannot be read one way. */
function toPlainDecimal(text: string): string | null {
  if (!/^[\d.,]+$/u.test(text) || !/\d/u.test(text)) return null;
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');

  if (lastDot !== -1 && lastComma !== -1) {
    const decimalAt = Math.max(lastDot, lastComma);
    const intPart = text.slice(0, decimalAt);
    const frac = text.slice(decimalAt + 1);
    const groups = lastComma > lastDot ? dotGrouped : commaGrouped;
    if (!/^\d+$/u.test(frac) || !groups.test(intPart)) return null;
    return `${intPart.replace(/[.,]/gu, '')}.${frac}`;
  }

  const sep = lastDot !== -1 ? '.' : lastComma !== -1 ? ',' : null;
  if (sep === null) return text;
  const pieces = text.split(sep);
  if (pieces.length > 2) return (sep === '.' ? dotGrouped : commaGrouped).test(text) ? pieces.join('') : null;

  const [intPart = '', frac = ''] = pieces;
  if (frac === '') return null;
  if (intPart === '') return `0.${frac}`;
  if (sep === '.' && /^[1-9]\d{0,2}$/u.test(intPart) && frac.length === 3) return intPart + frac;
  return `${intPart}.${frac}`;
}

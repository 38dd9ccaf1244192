/**
 * The 14 characters of a CNPJ typed with or without ".", "/", "-" and spaces. The first 12
 * may be letters: the Receita Federal issues alphanumeric CNPJs from July 2026 (IN RFB
 * 2.229/2024), whose check digits are still numeric.
 */
function cnpjChars(s: string): string | null {
  const chars = s
    .trim()
    .toUpperCase()
    .replace(/[./\-\s]/gu, '');
  return /^[0-9A-Z]{12}\d{2}$/u.test(chars) ? chars : null;
}

/** Modulo-11 check digit; weights 2..9 repeat from the right, each character worth its code − 48. */
function checkDigit(chars: string): number {
  let sum = 0;
  for (let i = 0; i < chars.length; i++) {
    const weight = 2 + ((chars.length - 1 - i) % 8);
    sum += (chars.charCodeAt(i) - 48) * weight;
  }
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

/** Both check digits must hold; same-character numbers ("00.000.000/0000-00") are refused. */
export function isValidCNPJ(s: string): boolean {
  const c = cnpjChars(s);
  if (c === null || /^(.)\1{13}$/u.test(c)) return false;
  const first = checkDigit(c.slice(0, 12));
  const second = checkDigit(c.slice(0, 12) + first);
  return c.endsWith(`${first}${second}`);
}

/** "11222333000181" → "11.222.333/0001-81"; anything else comes back trimmed, unchanged. */
export function formatCNPJ(s: string): string {
  const c = cnpjChars(s);
  if (c === null) return s.trim();
  return `${c.slice(0, 2)}.${c.slice(2, 5)}.${c.slice(5, 8)}/${c.slice(8, 12)}-${c.slice(12)}`;
}

/** The 11 digits of a CPF typed with or without ".", "-" and spaces; null for anything else. */
function cpfDigits(s: string): string | null {
  const digits = s.trim().replace(/[.\-\s]/gu, '');
  return /^\d{11}$/u.test(digits) ? digits : null;
}

/** Modulo-11 check digit over `digits` with weights counting down to 2. */
function checkDigit(digits: string): number {
  let sum = 0;
  const top = digits.length + 1;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (top - i);
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

/**
 * Both check digits must hold. Same-digit numbers ("111.111.111-11") pass the arithmetic
 * but are not issued, and are what people type to get past a form, so they are refused.
 */
export function isValidCPF(s: string): boolean {
  const d = cpfDigits(s);
  if (d === null || /^(\d)\1{10}$/u.test(d)) return false;
  const first = checkDigit(d.slice(0, 9));
  const second = checkDigit(d.slice(0, 9) + first);
  return d.endsWith(`${first}${second}`);
}

/** "12345678909" → "123.456.789-09"; text that is not 11 digits comes back trimmed, unchanged. */
export function formatCPF(s: string): string {
  const d = cpfDigits(s);
  if (d === null) return s.trim();
  return `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6, 9)}-${d.slice(9)}`;
}

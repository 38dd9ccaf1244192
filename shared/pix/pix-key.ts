/**
 * Pix keys as the Banco Central defines them: CPF or CNPJ digits, an e-mail, a phone as
 * `+55` and its digits, or a random key (EVP, a UUID). `pixKeyType` also names the type the
 * way Meta's `pix_dynamic_code.key_type` wants it.
 */
export const pixKeyTypes = ['CPF', 'CNPJ', 'EMAIL', 'PHONE', 'EVP'] as const;
export type PixKeyType = (typeof pixKeyTypes)[number];

const patterns: Record<PixKeyType, RegExp> = {
  CPF: /^\d{11}$/,
  CNPJ: /^\d{14}$/,
  EMAIL: /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/,
  PHONE: /^\+55\d{10,11}$/,
  EVP: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
};

/** Check digits of a CPF (11) or CNPJ (14): the mod-11 weights the Receita Federal uses. */
function checkDigitsOk(digits: string): boolean {
  if (/^(\d)\1+$/.test(digits)) return false;
  const nums = [...digits].map(Number);
  const weights = (n: number) =>
    digits.length === 11
      ? Array.from({ length: n }, (_, i) => n + 1 - i)
      : Array.from({ length: n }, (_, i) => ((n - 1 - i) % 8) + 2);
  for (const n of [digits.length - 2, digits.length - 1]) {
    const sum = weights(n).reduce((acc, w, i) => acc + w * nums[i]!, 0);
    const rest = sum % 11;
    if ((rest < 2 ? 0 : 11 - rest) !== nums[n]) return false;
  }
  return true;
}

/**
 * The key as it goes into the BR Code (CPF/CNPJ without dots and dashes, e-mail in lower
 * case, phone with `+55`), or null when it is no valid Pix key.
 */
export function normalizePixKey(input: string): string | null {
  const raw = input.trim();
  if (raw.includes('@')) return patterns.EMAIL.test(raw) && raw.length <= 77 ? raw.toLowerCase() : null;
  if (patterns.EVP.test(raw)) return raw.toLowerCase();
  if (raw.startsWith('+')) {
    const phone = `+${raw.replace(/\D/g, '')}`;
    return patterns.PHONE.test(phone) ? phone : null;
  }
  const digits = raw.replace(/[.\-/\s]/g, '');
  if ((patterns.CPF.test(digits) || patterns.CNPJ.test(digits)) && checkDigitsOk(digits)) return digits;
  return null;
}

/** The type of an already normalized key. */
export function pixKeyType(key: string): PixKeyType {
  if (key.includes('@')) return 'EMAIL';
  if (key.startsWith('+')) return 'PHONE';
  if (patterns.EVP.test(key)) return 'EVP';
  return key.length === 14 ? 'CNPJ' : 'CPF';
}

// Area codes (DDD) in use, per Anatel's national numbering plan.
const areaCodes = new Set([
  11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38,
  41, 42, 43, 44, 45, 46, 47, 48, 49, 51, 53, 54, 55, 61, 62, 63, 64, 65, 66, 67, 68, 69,
  71, 73, 74, 75, 77, 79, 81, 82, 83, 84, 85, 86, 87, 88, 89, 91, 92, 93, 94, 95, 96, 97, 98, 99,
]);

/** "84991230001" or "8491230001" (10–11 digits) → the 11 or 10 E.164 national digits, or null. */
function national(digits: string): string | null {
  if (digits.length !== 10 && digits.length !== 11) return null;
  if (!areaCodes.has(Number(digits.slice(0, 2)))) return null;
  const subscriber = digits.slice(2);
  if (subscriber.length === 9) return subscriber.startsWith('9') ? digits : null;
  // Landlines start with 2–5. An 8-digit number starting with 6–9 is a mobile written
  // before the 9th digit was added (completed nationwide in 2016); it still reaches the
  // same phone once the 9 is put back, and WhatsApp ids for it vary, so we store one form.
  if (/^[2-5]/u.test(subscriber)) return digits;
  if (/^[6-9]/u.test(subscriber)) return `${digits.slice(0, 2)}9${subscriber}`;
  return null;
}

/**
 * A Brazilian phone as typed ("(84) 99123-0001", "+55 84 9123-0001", "084991230001") →
 * E.164 digits without "+" ("5584991230001"). Needs the area code: a bare 8–9 digit
 * number could be anywhere. Foreign numbers (+ other than 55) are null.
 */
export function parsePhoneBR(s: string): string | null {
  const text = s.trim();
  if (text.length > 40 || !/^\+?[\d\s().\-]+$/u.test(text)) return null;
  let digits = text.replace(/\D/gu, '');

  if (text.startsWith('+')) {
    if (!digits.startsWith('55')) return null;
    digits = digits.slice(2);
  } else if ((digits.length === 12 || digits.length === 13) && digits.startsWith('55')) {
    digits = digits.slice(2);
  } else if (digits.startsWith('0')) {
    // Trunk prefix "0", optionally followed by a two-digit long-distance carrier code ("0 21 84 ...").
    const rest = digits.slice(1);
    digits = rest.length === 12 || rest.length === 13 ? rest.slice(2) : rest;
  }

  const result = national(digits);
  return result === null ? null : `55${result}`;
}

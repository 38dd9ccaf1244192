// The `max` metadata, not `min`: `min` only checks a number's length, so it takes "(20) 99123-0001"
// (no such area code) or a subscriber starting with 1 as valid; `max` checks each number range
// and tells mobiles from landlines. It weighs ~150 KB more, paid by the server and by any studio
// page that imports this module, never by the editor.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** Longer than any phone written with spaces and punctuation: anything past it is not one. */
const maxInputLength = 40;

/**
 * A phone number as people type it → E.164 digits without "+" ("5584991230001"), or null.
 *
 * Brazil is assumed unless the number starts with "+": "(84) 99000-0778", "84 99000 0778",
 * "084 99000-0778", "55 84 99000-0778" are all Brazilian. A number written with "+" may be from
 * any country ("+351 912 345 678"). Without "+", a result outside Brazil is refused rather than
 * guessed: reading "(84) 99000-0778" as Vietnam's +84 sent a campaign abroad.
 */
export function normalizePhone(input: string): string | null {
  const text = input.trim();
  if (text === '' || text.length > maxInputLength || !/^\+?[\d\s().\-]+$/u.test(text)) return null;
  const international = text.startsWith('+');
  const parsed = parsePhoneNumberFromString(text, 'BR');
  if (parsed?.isValid()) {
    if (!international && parsed.country !== 'BR') return null;
    return parsed.number.slice(1);
  }
  if (parsed?.countryCallingCode !== '55') return null;
  return withNinthDigit(parsed.nationalNumber);
}

/**
 * A Brazilian mobile written before the 9th digit was added (completed nationwide in 2016):
 * area code + 8 digits starting with 6–9. It still reaches the same phone once the 9 is put
 * back, and WhatsApp ids for it vary, so one form is stored: with the 9.
 */
function withNinthDigit(national: string): string | null {
  if (!/^\d{2}[6-9]\d{7}$/u.test(national)) return null;
  const parsed = parsePhoneNumberFromString(`+55${national.slice(0, 2)}9${national.slice(2)}`);
  return parsed?.isValid() && parsed.getType() === 'MOBILE' ? parsed.number.slice(1) : null;
}

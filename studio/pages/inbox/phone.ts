/**
 * A WhatsApp id (digits with the country code, as Meta sends `wa_id`) written the way people
 * read it: Brazilian numbers as `+55 11 98765-4321`, others as `+` and the digits.
 */
export function formatPhone(waId: string): string {
  const digits = waId.replace(/\D/g, '');
  const br = /^55(\d{2})(\d{4,5})(\d{4})$/.exec(digits);
  if (br) return `+55 ${br[1]} ${br[2]}-${br[3]}`;
  return digits ? `+${digits}` : waId;
}

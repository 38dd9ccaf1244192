/**
 * Hides phone numbers (10 to 15 digits in a row, as WhatsApp ids are) in free text bound for the
 * logs, keeping the country code and area and the last two digits for debugging:
 * `5584991239876` → `5584*******76`. Logs leave Fluxo (stderr, `docker logs`, log shippers) and
 * cannot be reached by an erasure afterwards, so errors that quote a number (a database
 * constraint, Meta's answer) must not carry it there.
 */
export function maskPhones(text: string): string {
  return text.replace(
    /(?<!\d)(\d{4})(\d{4,9})(\d{2})(?!\d)/g,
    (_, head: string, middle: string, tail: string) => `${head}${'*'.repeat(middle.length)}${tail}`,
  );
}

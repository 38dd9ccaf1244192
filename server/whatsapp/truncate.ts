/**
 * Cuts a text to Meta's limit, ending with `…` so a reader sees it was cut. Limits are
 * counted in UTF-16 units, which is never fewer than Meta's characters, and a surrogate pair
 * is never split. Ids are cut without the ellipsis (`mark: false`).
 */
export function truncate(text: string, max: number, { mark = true } = {}): string {
  if (text.length <= max) return text;
  let cut = mark ? max - 1 : max;
  if (isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1;
  const head = text.slice(0, cut);
  return mark ? `${head.trimEnd()}…` : head;
}

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

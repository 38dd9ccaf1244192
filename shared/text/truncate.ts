/**
 * The one clipper for text WhatsApp holds to a limit: the engine clips what it builds and the
 * server clips again at the wire, and both must cut in the same place.
 *
 * Unit: UTF-16 code units (`string.length`). Meta's pages give every limit in "characters"
 * without saying how they count (docs/whatsapp-text-limits.md); UTF-16 units are never fewer
 * than code points or user-perceived characters, so a text within the limit here is within it
 * whichever of those Meta counts. Publish validation counts the same way (`literal-length.ts`).
 */
export function truncate(text: string, max: number, { mark = true } = {}): string {
  if (text.length <= max) return text;
  let cut = mark ? max - 1 : max;
  if (isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1;
  const head = text.slice(0, cut);
  return mark ? `${head.trimEnd()}…` : head;
}

/** True for the first half of a surrogate pair (an emoji, say), which must never be cut off its second half. */
export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

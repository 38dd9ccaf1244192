import { isHighSurrogate } from './truncate.ts';

/**
 * Splits a long text into messages of at most `max` UTF-16 units, preferring a paragraph
 * break, then a line break, then a space in the second half of the chunk, so words and
 * emoji are not cut; a word longer than half a message is cut where it must.
 */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = breakPoint(rest, max);
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length || !parts.length) parts.push(rest);
  return parts;
}

function breakPoint(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  for (const separator of ['\n\n', '\n', ' ']) {
    const at = window.lastIndexOf(separator);
    if (at > max / 2) return at;
  }
  return isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
}

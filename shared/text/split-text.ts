import { whatsappLimits } from '../whatsapp-limits.ts';
import { isHighSurrogate } from './truncate.ts';

/**
 * The one splitter for long texts: the engine splits what a block says into messages and the
 * server splits again at the wire, so both must break in the same place (then the second split
 * changes nothing). Chunks hold at most `max` UTF-16 units (the unit is explained in
 * `truncate.ts`), breaking at a paragraph, then a line, then a space in the second half of the
 * chunk, so words and emoji are not cut; a word longer than half a message is cut where it must.
 * An empty text is no message at all.
 */
export function splitText(text: string, max: number = whatsappLimits.text): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = breakPoint(rest, max);
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) parts.push(rest);
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

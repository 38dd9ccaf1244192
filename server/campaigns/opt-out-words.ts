import type { InboundContent } from '../../shared/messages/inbound.ts';
import type { OptOutSettings } from '../../shared/api/settings.ts';

/** "Parar!" → "parar": what a word is compared as (no case, accents, spaces or final punctuation). */
function comparable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s.!?,;:]+$/u, '')
    .trim();
}

/**
 * Whether a contact's message is an opt-out word (`out`) or an opt-in word (`in`): a typed
 * text that is the word alone, so "quero cancelar o pedido" is not an opt-out, nor a button.
 */
export function optOutWordIn(content: InboundContent, words: OptOutSettings): 'out' | 'in' | null {
  if (content.kind !== 'text') return null;
  const said = comparable(content.text);
  if (said === '') return null;
  if (words.stopWords.some((w) => comparable(w) === said)) return 'out';
  if (words.startWords.some((w) => comparable(w) === said)) return 'in';
  return null;
}

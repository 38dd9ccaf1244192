import { normalizeText } from './normalize.ts';

// Compared after normalizeText and with trailing punctuation removed, so "Não!" is "nao".
const yes = new Set([
  'sim',
  's',
  'ss',
  'sss',
  'si',
  'simm',
  'claro',
  'com certeza',
  'certeza',
  'pode ser',
  'pode',
  'quero',
  'isso',
  'correto',
  'certo',
  'confirmo',
  'afirmativo',
  'yes',
  'y',
  'yep',
  'ok',
  'okay',
  'blz',
  'beleza',
  'sim sim',
  'sim por favor',
  'claro que sim',
  'sim claro',
  'claro sim',
  'sim pode ser',
  'pode sim',
  'sim quero',
  'isso mesmo',
  'exato',
]);
const no = new Set([
  'nao',
  'n',
  'nn',
  'no',
  'nope',
  'negativo',
  'nem',
  'agora nao',
  'nao quero',
  'nao obrigado',
  'nao obrigada',
  'de jeito nenhum',
  'jamais',
  'nunca',
  'nao nao',
  'nao valeu',
  'nao precisa',
  'agora nao obrigado',
]);

// Skin-tone modifiers and the variation selector are dropped so 👍🏽 counts as 👍.
const yesEmoji = new Set(['👍', '✅', '✔', '👌', '🙋', '😀', '🙂']);
const noEmoji = new Set(['👎', '❌', '✖', '🚫', '🙅']);

/**
 * "sim"/"não" as contacts answer: words, abbreviations and thumbs, accent-, case- and
 * punctuation-insensitive. Anything else is null, and the question asks again.
 */
export function parseYesNo(s: string): boolean | null {
  const text = normalizeText(s)
    .replace(/[\u{1f3fb}-\u{1f3ff}\ufe0f\u200d]/gu, '')
    .replace(/^[\s.,!?¡¿]+|[\s.,!?¡¿]+$/gu, '')
    .replace(/\s*,\s*/gu, ' ');
  if (yes.has(text) || yesEmoji.has(text)) return true;
  if (no.has(text) || noEmoji.has(text)) return false;
  return null;
}

import { normalizeText } from './normalize.ts';

export interface OptionLike {
  id: string;
  title: string;
}

// "2", "2.", "2)", "#2", "opção 2", "opcao 2", "op 2", "nº 2", "numero 2", all after normalizeText.
const numberPattern = /^(?:(?:opcao|opc|op|numero|num|no|n[º°])\s*)?#?\s*(\d{1,3})\s*[.)\-:]?$/u;
// "2 - Simular financiamento", "2. Simular": people copy the line of a menu they saw as text.
const numberThenTitle = /^#?(\d{1,3})\s*[.)\-:]?\s+(.+)$/u;

/**
 * Letters and digits only, single-spaced: emoji, punctuation and symbols around or inside a
 * title do not count ("✅ Simular financiamento!" = "simular financiamento").
 */
function titleKey(s: string): string {
  return normalizeText(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// "Apartamentos" and "apartamento" are the same word to the contact.
const stem = (word: string) => (word.length > 3 ? word.replace(/s$/u, '') : word);
const wordsOf = (s: string) =>
  new Set(
    titleKey(s)
      .split(' ')
      .filter((w) => w.length >= 3)
      .map(stem),
  );
// "não vou pagar agora" says the opposite of "Vou pagar agora".
const negations = ['nao', 'nem', 'nunca', 'jamais'];

function byTitle(input: string, options: readonly OptionLike[]): string[] {
  const key = titleKey(input);
  // Emoji-only titles ("👍") have an empty key, so they are compared as typed.
  const exact = normalizeText(input);
  return options
    .filter((o) => {
      const k = titleKey(o.title);
      return k === '' ? normalizeText(o.title) === exact : k === key;
    })
    .map((o) => o.id);
}

/**
 * The option a typed answer picks: its 1-based number or its title, case-, accent-, emoji-
 * and punctuation-insensitive, or its whole title inside a sentence that names no other
 * option ("quero agendar uma visita"). Returns null when nothing matches or when the answer could
 * mean two different options (two equal titles, or a number that is also another option's
 * title) — re-asking is better than guessing for the contact.
 */
export function matchOption(input: string, options: readonly OptionLike[]): string | null {
  const text = normalizeText(input);
  if (text === '' || options.length === 0) return null;

  const candidates = new Set<string>(byTitle(text, options));

  const num = numberPattern.exec(text);
  if (num) {
    const picked = options[Number(num[1]) - 1];
    if (picked) candidates.add(picked.id);
  } else if (candidates.size === 0) {
    const prefixed = numberThenTitle.exec(text);
    const picked = prefixed ? options[Number(prefixed[1]) - 1] : undefined;
    if (prefixed && picked && titleKey(picked.title) === titleKey(prefixed[2] ?? '')) candidates.add(picked.id);
  }

  // Not for "1 - Simular financiamento" when option 1 is another one: that is asked again.
  if (candidates.size === 0 && !num && !numberThenTitle.test(text)) {
    const inSentence = titleInSentence(text, options);
    if (inSentence) candidates.add(inSentence);
  }

  if (candidates.size !== 1) return null;
  const [only] = candidates;
  return only ?? null;
}

/**
 * An option's whole title said inside a sentence ("quero agendar uma visita" for "Agendar
 * visita"), when no other option has any word in it: "buscar imóveis e avaliar" names two
 * options and is asked again. Words under 3 letters do not count.
 */
function titleInSentence(input: string, options: readonly OptionLike[]): string | null {
  const said = wordsOf(input);
  const touched = options
    .map((o) => ({ id: o.id, words: [...wordsOf(o.title)] }))
    .filter((o) => o.words.some((w) => said.has(w)));
  const [only] = touched;
  if (only && negations.some((w) => said.has(w) && !only.words.includes(w))) return null;
  return touched.length === 1 && only && only.words.length > 0 && only.words.every((w) => said.has(w)) ? only.id : null;
}

/**
 * For catalog names, where options share words ("Pizza Calabresa", "Pizza Margherita"): the
 * one option whose name has every word of the answer that some name has ("calabresa", "quero
 * a calabresa", "procuro um apartamento" for "Apartamentos"). Words no name has are ignored;
 * short words (under 3 letters) never count. Null when no word counts or when it could be two.
 */
export function matchByNameWords(input: string, options: readonly OptionLike[]): string | null {
  const names = options.map((o) => ({ id: o.id, words: wordsOf(o.title) }));
  const known = [...wordsOf(input)].filter((w) => names.some((n) => n.words.has(w)));
  if (known.length === 0) return null;
  const matches = names.filter((n) => known.every((w) => n.words.has(w)));
  return matches.length === 1 ? (matches[0]?.id ?? null) : null;
}

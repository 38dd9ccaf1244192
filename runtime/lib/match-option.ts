import { editDistance } from './edit-distance.ts';
import { normalizeText } from './normalize.ts';

export interface OptionLike {
  id: string;
  title: string;
  /** Other ways people say this option ("simulação", "parcelas"); each counts like the title. */
  synonyms?: readonly string[];
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

const namesOf = (o: OptionLike): string[] => [o.title, ...(o.synonyms ?? [])];

function byTitle(input: string, options: readonly OptionLike[]): string[] {
  const key = titleKey(input);
  // Emoji-only titles ("👍") have an empty key, so they are compared as typed.
  const exact = normalizeText(input);
  return options
    .filter((o) =>
      namesOf(o).some((name) => {
        const k = titleKey(name);
        return k === '' ? normalizeText(name) === exact : k === key;
      }),
    )
    .map((o) => o.id);
}

/**
 * The option a typed answer picks: its 1-based number, its title or one of its synonyms, case-,
 * accent-, emoji- and punctuation-insensitive; its whole title inside a sentence that names no
 * other option ("quero agendar uma visita"); else words only that option has, spelled loosely
 * ("simulacao", "simular", "agnedar"). Returns null when nothing matches or when the answer could
 * mean two different options (two equal titles, a number that is also another option's title,
 * words of two options) — re-asking is better than guessing for the contact. `loose: false` leaves
 * out the loose words (a tapped title is exact or stale, never misspelled).
 */
export function matchOption(
  input: string,
  options: readonly OptionLike[],
  { loose = true }: { loose?: boolean } = {},
): string | null {
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
    const inSentence = titleInSentence(text, options) ?? (loose ? looseWords(text, options) : null);
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

// Words that say nothing about which option: "quero ver meu..." must not pick "Avaliar meu imóvel".
const fillers = new Set(
  'meu minha meus minhas seu sua seus suas uma uns umas com sem para pra por que quero queria gostaria ver mais dos das nos nas aos voce favor sobre como ter tem fazer'.split(
    ' ',
  ),
);

/**
 * Two spellings of one word: equal, a typo apart (one edit from 5 letters, two from 9), or the
 * same stem of 5+ letters ("simulacao", "simular", "simulação" → "simula").
 */
function sameWord(said: string, known: string): boolean {
  if (said === known) return true;
  // "10h30" one key off is "16h30": another time, not a typo.
  if (/\d/u.test(said) || /\d/u.test(known)) return false;
  const shorter = Math.min(said.length, known.length);
  if (shorter >= 5) {
    let prefix = 0;
    while (prefix < shorter && said[prefix] === known[prefix]) prefix++;
    if (prefix >= 5) return true;
  }
  const allowed = shorter >= 9 ? 2 : shorter >= 5 ? 1 : 0;
  return allowed > 0 && editDistance(said, known, allowed) <= allowed;
}

/**
 * The one option that words of the answer point to, loosely spelled: a word that is close to
 * words of two options ("imóvel" for "Buscar imóveis" and "Avaliar meu imóvel") says nothing;
 * words pointing to two options, or a negation the option does not have, are no match.
 */
function looseWords(input: string, options: readonly OptionLike[]): string | null {
  const said = [...wordsOf(input)].filter((w) => !fillers.has(w));
  const vocab = options.map((o) => ({
    id: o.id,
    words: [...new Set(namesOf(o).flatMap((n) => [...wordsOf(n)]))].filter((w) => !fillers.has(w)),
  }));
  const pointed = new Set<string>();
  for (const word of said) {
    const near = vocab.filter((o) => o.words.some((w) => sameWord(word, w)));
    if (near.length === 1 && near[0]) pointed.add(near[0].id);
  }
  if (pointed.size !== 1) return null;
  const [id] = pointed;
  const words = vocab.find((o) => o.id === id)?.words ?? [];
  if (negations.some((n) => said.includes(n) && !words.includes(n))) return null;
  return id ?? null;
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

import { normalizeText } from './normalize.ts';

/**
 * Numbers written out in Portuguese, as contacts answer "quantas?" on the phone:
 * "duas", "três", "dez", "trinta e cinco", "cento e vinte", "meia dúzia", "duas dúzias".
 * Accents and case are optional ("tres", "DEZ"). Covers 0–999 and dozens; bigger amounts
 * come with a "mil"/"milhões" suffix that `parseNumberBR` handles ("dez mil").
 */
const units: Record<string, number> = {
  um: 1,
  uma: 1,
  dois: 2,
  duas: 2,
  tres: 3,
  quatro: 4,
  cinco: 5,
  seis: 6,
  sete: 7,
  oito: 8,
  nove: 9,
  dez: 10,
  onze: 11,
  doze: 12,
  treze: 13,
  quatorze: 14,
  catorze: 14,
  quinze: 15,
  // Both Brazilian and European spellings: people copy what their keyboard suggests.
  dezesseis: 16,
  dezasseis: 16,
  dezessete: 17,
  dezassete: 17,
  dezoito: 18,
  dezenove: 19,
  dezanove: 19,
};

const tens: Record<string, number> = {
  vinte: 20,
  trinta: 30,
  quarenta: 40,
  cinquenta: 50,
  cincoenta: 50,
  sessenta: 60,
  setenta: 70,
  oitenta: 80,
  noventa: 90,
};

// "cento" only appears with a remainder ("cento e dez"); "cem" only alone.
const hundreds: Record<string, number> = {
  cento: 100,
  duzentos: 200,
  duzentas: 200,
  trezentos: 300,
  trezentas: 300,
  quatrocentos: 400,
  quatrocentas: 400,
  quinhentos: 500,
  quinhentas: 500,
  seiscentos: 600,
  seiscentas: 600,
  setecentos: 700,
  setecentas: 700,
  oitocentos: 800,
  oitocentas: 800,
  novecentos: 900,
  novecentas: 900,
};

/** Which place a word fills; a number lists places from high to low, joined by "e". */
function placeOf(word: string): { place: number; value: number } | null {
  if (word in hundreds) return { place: 2, value: hundreds[word] as number };
  if (word in tens) return { place: 1, value: tens[word] as number };
  if (word in units) return { place: 0, value: units[word] as number };
  return null;
}

function cardinal(words: string[]): number | null {
  if (words.length === 1 && words[0] === 'zero') return 0;
  if (words.length === 1 && words[0] === 'cem') return 100;
  if (words.length === 0 || words.length % 2 === 0) return null;
  let total = 0;
  let lastPlace = 3;
  for (let i = 0; i < words.length; i += 2) {
    if (i > 0 && words[i - 1] !== 'e') return null;
    const part = placeOf(words[i] ?? '');
    if (part === null || part.place >= lastPlace) return null;
    total += part.value;
    lastPlace = part.place;
  }
  if (words.length === 1 && words[0] === 'cento') return null;
  return total;
}

/** "duas" → 2, "meia dúzia" → 6, "trinta e cinco" → 35; anything else is null. */
export function parseNumberWordsBR(s: string): number | null {
  const text = normalizeText(s)
    .replace(/[!.?]+$/u, '')
    .trim();
  if (text === '' || text.length > 80) return null;
  const words = text.split(' ');
  const last = words.at(-1);
  if (last === 'duzia' || last === 'duzias') {
    const count = words.slice(0, -1);
    if (count.length === 0 || (count.length === 1 && count[0] === 'uma')) return last === 'duzia' ? 12 : null;
    if (count.length === 1 && count[0] === 'meia') return last === 'duzia' ? 6 : null;
    const n = cardinal(count);
    return n === null || n === 0 ? null : n * 12;
  }
  return cardinal(words);
}

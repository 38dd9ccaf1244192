import { optionHandle, ruleHandle } from './nodes/outputs.ts';

/**
 * How people tell blocks and outputs apart: by what a block says and by the output's label
 * on the canvas, never by the ids the editor generates ("nycmrsbcd"). Used by problem texts
 * (shared, so the server's validation says the same) and by the studio's lists and
 * screen-reader labels. Zod-free: the studio draws a flow without loading the schemas.
 */

export type NameLocale = 'pt-BR' | 'en';

/** Where a block keeps the words that best name it, in order of preference. */
const namingPaths: readonly (readonly string[])[] = [
  ['text'],
  ['message'],
  ['instructions'],
  ['systemPrompt'],
  ['media', 'caption'],
  ['media', 'filename'],
  ['url'],
];

/** Data keys that hold identifiers or settings, not words a person wrote to the contact. */
const idKeys: ReadonlySet<string> = new Set([
  'id',
  'variable',
  'operator',
  'color',
  'kind',
  'mode',
  'method',
  'system',
  'ratePeriod',
  'nodeId',
  'flowId',
  'keywords',
  'templateWhen',
  'windowClosed',
]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** A string worth showing as a name: it has at least one letter. */
const wordsIn = (value: unknown): string | null =>
  typeof value === 'string' && /\p{L}/u.test(value) ? value.replace(/\s+/g, ' ').trim() || null : null;

function at(data: unknown, path: readonly string[]): unknown {
  let value = data;
  for (const key of path) value = isRecord(value) ? value[key] : undefined;
  return value;
}

/** The first words found anywhere in the data (a condition's value, a set block's text...), skipping ids. */
function anyWords(value: unknown, key = ''): string | null {
  if (idKeys.has(key)) return null;
  if (typeof value === 'string') return wordsIn(value);
  const children = Array.isArray(value)
    ? value.map((v) => [key, v] as const)
    : isRecord(value)
      ? Object.entries(value)
      : [];
  for (const [k, v] of children) {
    const found = anyWords(v, k);
    if (found) return found;
  }
  return null;
}

/**
 * The words that name a block: its text (a message's, a menu's question...), else the first
 * words it holds anywhere, clipped to `max` characters; null when it says nothing (a start,
 * an empty message), and the caller names it by its type. Takes raw data too: the problems of
 * a block that failed the schema name it the same way.
 */
export function blockWords(data: unknown, max = 40): string | null {
  let words: string | null = null;
  for (const path of namingPaths) {
    words = wordsIn(at(data, path));
    if (words) break;
  }
  words ??= anyWords(data);
  if (!words) return null;
  return words.length > max ? `${words.slice(0, max - 1).trimEnd()}…` : words;
}

/** Outputs whose label never changes, as the canvas and the inspector label them. */
export const fixedOutputLabels: Record<NameLocale, Record<string, string>> = {
  'pt-BR': {
    next: 'Próximo',
    invalid: 'Resposta inválida',
    timeout: 'Sem resposta',
    error: 'Erro',
    else: 'Senão',
    cancelled: 'Cancelado',
    confirmed: 'Confirmado',
    ok: 'Sucesso',
    escalate: 'Escalar (lead quente)',
    resolved: 'Atendimento encerrado',
    reply: 'Respondeu',
    valid: 'Resposta válida',
    booked: 'Agendado',
    none: 'Sem horário',
    done: 'Concluído',
    paid: 'Pago',
    expired: 'Expirou',
  },
  en: {
    next: 'Next',
    invalid: 'Invalid answer',
    timeout: 'No answer',
    error: 'Error',
    else: 'Else',
    cancelled: 'Cancelled',
    confirmed: 'Confirmed',
    ok: 'Success',
    escalate: 'Escalate (hot lead)',
    resolved: 'Resolved',
    reply: 'Replied',
    valid: 'Valid answer',
    booked: 'Booked',
    none: 'No slot',
    done: 'Done',
    paid: 'Paid',
    expired: 'Expired',
  },
};

const ruleWord: Record<NameLocale, string> = { 'pt-BR': 'Regra', en: 'Rule' };

/** What a node needs to have for its outputs to be named; menus and conditions read their data. */
export interface NamedNode {
  type: string;
  data: unknown;
}

function listAt(data: unknown, key: string): Record<string, unknown>[] {
  const list = isRecord(data) ? data[key] : undefined;
  return Array.isArray(list) ? list.filter(isRecord) : [];
}

/**
 * An output as the user sees it: a menu option by its title, a condition's rule by its
 * position ("Regra 2"), a fixed output by its label ("Sem resposta"); an unknown handle as is.
 */
export function outputLabel(node: NamedNode, handle: string, locale: NameLocale): string {
  if (node.type === 'menu') {
    const option = listAt(node.data, 'options').find((o) => typeof o.id === 'string' && optionHandle(o.id) === handle);
    if (option && typeof option.title === 'string' && option.title !== '') return option.title;
  }
  if (node.type === 'condition') {
    const index = listAt(node.data, 'rules').findIndex((r) => typeof r.id === 'string' && ruleHandle(r.id) === handle);
    if (index !== -1) return `${ruleWord[locale]} ${index + 1}`;
  }
  return fixedOutputLabels[locale][handle] ?? handle;
}

import type { QuestionKind } from '../../shared/flow/nodes/question.ts';
import type { DateAnswerSuffix } from '../../shared/flow/variables.ts';
import { normalizePhone } from '../../shared/phone.ts';
import type { InboundContent } from '../events.ts';
import { typedText } from '../text.ts';
import { formatCNPJ, isValidCNPJ } from './cnpj.ts';
import { formatCPF, isValidCPF } from './cpf.ts';
import { parseDateBR, todayISO } from './date-br.ts';
import { isValidEmail } from './email.ts';
import { parseNumberBR } from './number-br.ts';
import { parseYesNo } from './yes-no.ts';

export type AnswerValue = string | number | boolean | Record<string, unknown>;

export type AnswerResult = { ok: true; value: AnswerValue; extra?: Record<string, string | number> } | { ok: false };

export interface AnswerOptions {
  /** text: length bounds in characters; number: value bounds. Inclusive; null is unbounded. */
  min: number | null;
  max: number | null;
  /** date: days before today (where the contact is) are refused. */
  futureOnly: boolean;
  now: Date;
  /** Where "today" is decided; São Paulo when absent. */
  timeZone?: string | undefined;
}

const invalid: AnswerResult = { ok: false };

/**
 * What the contact wrote, for the kinds that read text. A tapped button or list row counts
 * by its title. Control characters (other than line breaks and tabs) are dropped: they
 * come from broken keyboards or copy-paste, never mean anything, and would end up in
 * messages and exports.
 */
function answerText(content: InboundContent): string | null {
  const raw = typedText(content);
  if (raw === null) return null;
  return raw.replace(/[^\P{Cc}\n\t]/gu, '').trim();
}

function withinBounds(n: number, { min, max }: AnswerOptions): boolean {
  return (min === null || n >= min) && (max === null || n <= max);
}

type TextValidator = (text: string, opts: AnswerOptions) => AnswerResult;

const ok = (value: AnswerValue): AnswerResult => ({ ok: true, value });

const textValidators = {
  // Characters are counted as people see them: an emoji is one, not two UTF-16 units.
  text: (text, opts) => (text !== '' && withinBounds([...text].length, opts) ? ok(text) : invalid),
  number: (text, opts) => {
    const n = parseNumberBR(text);
    return n !== null && withinBounds(n, opts) ? ok(n) : invalid;
  },
  // Lowercased so the same person typed twice is one address; no real mailbox tells case apart.
  email: (text) => (isValidEmail(text) ? ok(text.toLowerCase()) : invalid),
  phone: (text) => {
    const phone = normalizePhone(text);
    return phone === null ? invalid : ok(phone);
  },
  cpf: (text) => (isValidCPF(text) ? ok(formatCPF(text)) : invalid),
  cnpj: (text) => (isValidCNPJ(text) ? ok(formatCNPJ(text)) : invalid),
  date: (text, opts) => {
    const date = parseDateBR(text, opts.now, opts.timeZone);
    // ISO dates compare as strings: the parser only gives four-digit years.
    if (date === null || (opts.futureOnly && date.date < todayISO(opts.now, opts.timeZone))) return invalid;
    return {
      ok: true,
      value: date.display,
      extra: { _weekday: date.weekday, _iso: date.date } satisfies Record<DateAnswerSuffix, unknown>,
    };
  },
  yes_no: (text) => {
    const answer = parseYesNo(text);
    return answer === null ? invalid : ok(answer);
  },
} satisfies Record<Exclude<QuestionKind, 'location' | 'media'>, TextValidator>;

/** Drops keys whose value is undefined, so stored answers survive a JSON round trip unchanged. */
function defined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

/**
 * Checks a contact's answer to a question node and gives the value to store. Never throws:
 * a wrong answer is `{ ok: false }` and the engine re-asks or takes `invalid`.
 * `extra` holds derived values the engine stores as `<variable><key>` (`data_weekday`).
 */
export function validateAnswer(kind: QuestionKind, content: InboundContent, opts: AnswerOptions): AnswerResult {
  if (kind === 'location') {
    if (content.kind !== 'location') return invalid;
    const { latitude, longitude, name, address } = content;
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return invalid;
    return ok(defined({ latitude, longitude, name, address }));
  }
  if (kind === 'media') {
    // A sticker is a reaction, not the photo or document the question asked for.
    if (content.kind !== 'media' || content.media === 'sticker') return invalid;
    const { media, mediaId, url, caption } = content;
    return ok(defined({ media, mediaId, url, caption }));
  }
  const text = answerText(content);
  if (text === null) return invalid;
  return textValidators[kind](text, opts);
}

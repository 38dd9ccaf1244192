import { z } from 'zod';
import { brCodeLimits } from '../pix/br-code.ts';
import { normalizePixKey } from '../pix/pix-key.ts';
import { updateRequestOf } from './common.ts';

/** The zone dates are shown and business hours are read in when nobody chose one. */
export const defaultTimeZone = 'America/Sao_Paulo';

/** Whether the runtime knows this IANA zone ("America/Manaus"); `Intl` is the list, not a copy of it. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const timeZone = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isTimeZone, 'fuso horário desconhecido (use um nome IANA, como America/Sao_Paulo)');

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'horário no formato HH:MM');
/** Open from `start` to `end` on the same day; `24:00` is not a time, so a day ends at `23:59`. */
export const openRange = z
  .object({ start: clockTime, end: clockTime })
  .refine((r) => r.start < r.end, 'o horário de início vem antes do fim');
export type OpenRange = z.infer<typeof openRange>;

/** A day's open ranges, in order and not overlapping; an empty list is a closed day. */
const dayRanges = z
  .array(openRange)
  .max(4)
  .refine(
    (ranges) => ranges.every((r, i) => i === 0 || ranges[i - 1]!.end <= r.start),
    'os intervalos do dia vêm em ordem e não se sobrepõem',
  );

const weekdayHours = {
  mon: dayRanges,
  tue: dayRanges,
  wed: dayRanges,
  thu: dayRanges,
  fri: dayRanges,
  sat: dayRanges,
  sun: dayRanges,
};
export const businessHours = z.object(weekdayHours).strict();
export type BusinessHours = z.infer<typeof businessHours>;

const weekday = [{ start: '08:00', end: '18:00' }];
export const defaultBusinessHours: BusinessHours = {
  mon: weekday,
  tue: weekday,
  wed: weekday,
  thu: weekday,
  fri: weekday,
  sat: [{ start: '08:00', end: '12:00' }],
  sun: [],
};

/** Below a week, a conversation could lose its start while an agent still works on it. */
export const minRetentionDays = 7;

export const studioLanguages = ['pt-BR', 'en'] as const;

/**
 * Words a contact sends, alone in a message, to stop campaigns (`stopWords`) or to receive them
 * again (`startWords`); compared without case, accents or final punctuation. Each is answered
 * with its reply; the flow does not see these messages.
 */
export const optOutSettings = z.object({
  stopWords: z.array(z.string().trim().min(1).max(40)).max(20),
  stopReply: z.string().trim().min(1).max(1000),
  startWords: z.array(z.string().trim().min(1).max(40)).max(20),
  startReply: z.string().trim().min(1).max(1000),
});
export type OptOutSettings = z.infer<typeof optOutSettings>;
export const defaultOptOut: OptOutSettings = {
  stopWords: ['PARAR', 'SAIR', 'CANCELAR', 'STOP'],
  stopReply: 'Pronto: você não vai mais receber nossas mensagens. Se mudar de ideia, envie VOLTAR.',
  startWords: ['VOLTAR'],
  startReply: 'Que bom ter você de volta! Você voltará a receber nossas mensagens.',
};

/**
 * How the business takes Pix (payment blocks): its key, and the name and city the BR Code
 * carries (ASCII, at most 25 and 15 characters: the Banco Central's limits).
 */
export const pixSettings = z.object({
  key: z
    .string()
    .trim()
    .min(1)
    .max(77)
    .refine((k) => normalizePixKey(k) !== null, 'chave Pix inválida (CPF, CNPJ, e-mail, +55 telefone ou aleatória)'),
  merchantName: z.string().trim().min(1).max(brCodeLimits.merchantName),
  merchantCity: z.string().trim().min(1).max(brCodeLimits.merchantCity),
  /** How long a charge waits for its payment when the block does not say. */
  expiryMinutes: z
    .number()
    .int()
    .min(5)
    .max(60 * 24 * 30)
    .default(60),
});
export type PixSettings = z.infer<typeof pixSettings>;

/** The settings an admin changes; each is stored under its own key, defaults applied when unset. */
export const settingsValues = z.object({
  timeZone: timeZone.default(defaultTimeZone),
  businessHours: businessHours.default(defaultBusinessHours),
  /** Messages and media older than this many days are deleted every day; null keeps them forever. */
  retentionDays: z.number().int().min(minRetentionDays).max(3650).nullable().default(null),
  /** The studio's language for users who have not picked one. */
  language: z.enum(studioLanguages).default('pt-BR'),
  /** Opt-out words for campaigns and their confirmations. */
  optOut: optOutSettings.default(defaultOptOut),
  /** Pix for payment blocks; null until set up. */
  pix: pixSettings.nullable().default(null),
});
export type SettingsValues = z.infer<typeof settingsValues>;
export type SettingKey = keyof SettingsValues;

/** `PUT`/`PATCH /api/settings`: only the fields sent change; `retentionDays: null` keeps everything. */
export const updateSettingsRequest = updateRequestOf(settingsValues);

const providerUrl = z
  .string()
  .trim()
  .url()
  .max(500)
  .refine((u) => /^https?:\/\//i.test(u), 'o endereço começa com http:// ou https://');

export const createAiProviderRequest = z.object({
  name: z.string().trim().min(1).max(80),
  /** OpenAI-compatible base URL, e.g. `https://api.openai.com/v1` or `http://localhost:11434/v1`. */
  baseUrl: providerUrl,
  /** Write-only; null for providers that take no key (a local Ollama). */
  apiKey: z.string().trim().min(1).max(500).nullable().default(null),
  model: z.string().trim().min(1).max(200),
  /** Makes it the provider LLM blocks use; the previous default stops being one. */
  isDefault: z.boolean().default(false),
  /** Its models read pictures: blocks that accept them send contacts' images to the model. */
  vision: z.boolean().default(false),
  /** A transcription model (`whisper-1`) at its `/audio/transcriptions`; empty: voice notes are not transcribed. */
  transcriptionModel: z.string().trim().max(200).default(''),
});
/** Only the fields sent change: leave `apiKey` out to keep the stored key, `null` removes it. */
export const updateAiProviderRequest = updateRequestOf(createAiProviderRequest);

export const aiProvider = z.object({
  id: z.string(),
  name: z.string(),
  baseUrl: z.string(),
  model: z.string(),
  isDefault: z.boolean(),
  vision: z.boolean(),
  transcriptionModel: z.string(),
  /** Whether a key is stored; the key itself never leaves the server. */
  hasKey: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AiProvider = z.infer<typeof aiProvider>;

export const settings = settingsValues.extend({
  aiProviders: z.array(aiProvider),
  /**
   * The provider from AI_BASE_URL/AI_MODEL, used when no provider is stored here (its key is
   * never shown); null when those are not set.
   */
  environmentAiProvider: z.object({ baseUrl: z.string(), model: z.string() }).nullable(),
});
export type Settings = z.infer<typeof settings>;
export const settingsResponse = z.object({ settings });
export const aiProviderResponse = z.object({ provider: aiProvider });

/** "Testar": the provider's refusal or silence is a result (`ok: false`), not an error of this API. */
export const aiProviderTestResponse = z.object({
  ok: z.boolean(),
  /** What the provider answered (or why it could not be reached) when `ok` is false. */
  error: z.object({ status: z.number().int().nullable(), message: z.string() }).nullable(),
  durationMs: z.number().int(),
});
export type AiProviderTestResult = z.infer<typeof aiProviderTestResponse>;

/** A named provider as flow builders pick it in the AI blocks: its name and model, nothing secret. */
export const aiProviderChoice = z.object({ name: z.string(), model: z.string(), isDefault: z.boolean() });
/** `GET /api/ai-providers`: the providers of Configurações, and the AI_* one's model when set. */
export const aiProviderChoicesResponse = z.object({
  providers: z.array(aiProviderChoice),
  environmentModel: z.string().nullable(),
});

import { z } from 'zod';
import { cleanJson } from './clean-text.ts';
import {
  type MessageResult,
  type ParsedContact,
  type ParsedInboundMessage,
  parseContacts,
  parseMessage,
} from './parse-message.ts';
import { type ParsedStatus, parseStatus } from './parse-status.ts';
import { type GraphErrorInfo, readErrors, stringish } from './webhook-schema.ts';

export interface ParsedChange {
  field: 'messages';
  phoneNumberId: string;
  displayPhone: string;
  contacts: ParsedContact[];
  messages: ParsedInboundMessage[];
  statuses: ParsedStatus[];
  /** `value.errors`: app- or system-level problems (e.g. 130429) with no contact to route to. */
  errors: GraphErrorInfo[];
}

export interface ParsedEntry {
  wabaId: string;
  changes: ParsedChange[];
}

/** A change of another field (template status, quality updates...): acknowledged, not processed. */
export interface IgnoredChange {
  wabaId: string;
  field: string;
  value: unknown;
}

export interface ParsedWebhook {
  entries: ParsedEntry[];
  ignored: IgnoredChange[];
  /** What could not be read, with where it was: log them; the delivery is still acknowledged. */
  warnings: string[];
}

const envelopeSchema = z.object({ object: z.string(), entry: z.array(z.unknown()) });
const entrySchema = z.object({ id: stringish, changes: z.array(z.unknown()) });
const changeSchema = z.object({ field: z.string(), value: z.unknown() });
const valueSchema = z.object({
  metadata: z.object({ phone_number_id: stringish, display_phone_number: stringish }),
  contacts: z.unknown().optional(),
  messages: z.unknown().optional(),
  statuses: z.unknown().optional(),
  errors: z.unknown().optional(),
});

/**
 * Reads a webhook POST body, fresh from `JSON.parse` (strings are cleaned in place). Never throws: Meta retries anything not
 * answered 200 for 7 days, so unreadable parts become warnings and the rest is kept. The same
 * wamid twice in one delivery is kept once. NUL, other C0 controls and lone surrogates are
 * removed from every string first (Postgres refuses them).
 */
export function parseWebhook(body: unknown): ParsedWebhook {
  const result: ParsedWebhook = { entries: [], ignored: [], warnings: [] };
  // Cleaned once here, so names, texts and raw JSON alike can be stored.
  const clean = cleanJson(body);
  if (clean.changed) result.warnings.push('control characters or lone surrogates removed');
  const envelope = envelopeSchema.safeParse(clean.value);
  if (!envelope.success) {
    result.warnings.push('not a webhook envelope (object/entry missing)');
    return result;
  }
  if (envelope.data.object !== 'whatsapp_business_account') {
    result.warnings.push(`ignored object ${envelope.data.object}`);
    return result;
  }
  const seen = new Set<string>();
  envelope.data.entry.forEach((rawEntry, e) => {
    const entry = entrySchema.safeParse(rawEntry);
    if (!entry.success) return void result.warnings.push(`entry[${e}]: no id or changes`);
    const changes: ParsedChange[] = [];
    entry.data.changes.forEach((rawChange, c) => {
      const where = `entry[${e}].changes[${c}]`;
      const change = changeSchema.safeParse(rawChange);
      if (!change.success) return void result.warnings.push(`${where}: no field`);
      if (change.data.field !== 'messages') {
        return void result.ignored.push({ wabaId: entry.data.id, field: change.data.field, value: change.data.value });
      }
      const value = valueSchema.safeParse(change.data.value);
      if (!value.success) return void result.warnings.push(`${where}: no metadata.phone_number_id, skipped`);
      changes.push(readChange(value.data, where, seen, result.warnings));
    });
    if (changes.length) result.entries.push({ wabaId: entry.data.id, changes });
  });
  return result;
}

function readChange(
  value: z.output<typeof valueSchema>,
  where: string,
  seen: Set<string>,
  warnings: string[],
): ParsedChange {
  const contacts = parseContacts(value.contacts);
  const messages: ParsedInboundMessage[] = [];
  list(value.messages).forEach((raw, i) => {
    const { message, warnings: found }: MessageResult = parseMessage(raw, contacts);
    for (const w of found) warnings.push(`${where}.messages[${i}]: ${w}`);
    if (!message) return;
    if (seen.has(message.wamid))
      return void warnings.push(`${where}.messages[${i}]: duplicate ${message.wamid} dropped`);
    seen.add(message.wamid);
    messages.push(message);
  });
  const statuses: ParsedStatus[] = [];
  list(value.statuses).forEach((raw, i) => {
    const { status, warning } = parseStatus(raw);
    if (status) statuses.push(status);
    else warnings.push(`${where}.statuses[${i}]: ${warning}`);
  });
  return {
    field: 'messages',
    phoneNumberId: value.metadata.phone_number_id,
    displayPhone: value.metadata.display_phone_number,
    contacts,
    messages,
    statuses,
    errors: readErrors(value.errors),
  };
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

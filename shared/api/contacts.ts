import { z } from 'zod';
import { variableName } from '../flow/common.ts';

/** A custom field's value: what a CSV cell, an edit or a flow variable holds. */
export const contactFieldValue = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);
export type ContactFieldValues = Record<string, z.infer<typeof contactFieldValue>>;
/** Custom fields by name; names follow flow variable names, so a flow can fill them. */
export const contactFields = z
  .record(variableName.max(64), contactFieldValue)
  .refine((f) => Object.keys(f).length <= 100, 'no máximo 100 campos');
/** A tag as people type it, trimmed ("vip", "cliente 2025"). */
export const contactTag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^,;]+$/u, 'sem vírgula ou ponto e vírgula');
const contactTags = z
  .array(contactTag)
  .max(30)
  .transform((t) => [...new Set(t)]);

export const contactSummary = z.object({
  id: z.string(),
  channelId: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  userId: z.string().nullable(),
  lastInboundAt: z.string().nullable(),
  /** The last message either way (in or out), or the last inbound one when there is none. */
  lastActivityAt: z.string().nullable(),
  tags: z.array(z.string()),
  fields: z.record(z.string(), contactFieldValue),
  /** When the contact asked not to be messaged; null while they accept. */
  optedOutAt: z.string().nullable(),
  /** Where the contact stands: the live session's flow, version and node. */
  session: z
    .object({
      flowId: z.string(),
      flowName: z.string().nullable(),
      version: z.number().int().nullable(),
      nodeId: z.string().nullable(),
      status: z.string(),
    })
    .nullable(),
});
export type ContactSummary = z.infer<typeof contactSummary>;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
export const contactsQuery = z.object({
  /** A name fragment, or a phone as people type it (normalised: "(84) 9123-3333" finds 5584991233333). */
  q: z.string().max(100).optional(),
  tag: z.string().max(40).optional(),
  optedOut: flag.optional(),
  /** Contacts whose live session runs this flow. */
  flowId: z.string().max(100).optional(),
  channelId: z.string().max(100).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ContactsQuery = z.output<typeof contactsQuery>;
/** A page of the directory, most recently active first; `total` counts every match. */
export const contactsResponse = z.object({ contacts: z.array(contactSummary), total: z.number().int() });
export const contactResponse = z.object({ contact: contactSummary });
export const contactTagsResponse = z.object({
  tags: z.array(z.object({ tag: z.string(), contacts: z.number().int() })),
});

/** Only the fields sent change; `fields` replaces the whole set of custom fields. */
export const updateContactRequest = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    tags: contactTags.optional(),
    fields: contactFields.optional(),
    optedOut: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nada para alterar');

/** A flow variable marked as a contact field: its value is copied to the contact's fields. */
export const contactFieldDefinition = z.object({ name: z.string(), label: z.string() });
export const contactFieldsResponse = z.object({
  fields: z.array(contactFieldDefinition),
  /** Variable names the published flows write, to pick from (marked or not). */
  variables: z.array(z.string()),
});
export const createContactFieldRequest = z.object({
  name: variableName.max(64),
  label: z.string().trim().min(1).max(80),
});
export const updateContactFieldRequest = z.object({ label: z.string().trim().min(1).max(80) });

/** The CSV file's text (columns name, phone, tags, and any other column as a field). */
export const importContactsRequest = z.object({
  csv: z.string().min(1).max(2_000_000),
  /** Required when there are several channels: the number the contacts write to. */
  channelId: z.string().max(100).optional(),
});
export const importRowOutcome = z.enum(['created', 'updated', 'rejected']);
export const importContactsResponse = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  rejected: z.number().int(),
  rows: z.array(
    z.object({
      /** The line in the file, as a spreadsheet numbers it (the header is line 1). */
      line: z.number().int(),
      phone: z.string(),
      name: z.string(),
      outcome: importRowOutcome,
      /** Why a row was rejected; null otherwise. */
      reason: z.string().nullable(),
      contactId: z.string().nullable(),
    }),
  ),
});
export type ImportContactsResponse = z.infer<typeof importContactsResponse>;

export const contactMessage = z.object({
  id: z.string(),
  direction: z.enum(['in', 'out']),
  type: z.string(),
  text: z.string().nullable(),
  status: z.string(),
  error: z.unknown().nullable(),
  createdAt: z.string(),
});
export const contactMessagesResponse = z.object({ messages: z.array(contactMessage) });

export const operatorMessageRequest = z.union([
  z.object({
    text: z
      .string()
      .trim()
      .min(1)
      .max(4096)
      .transform((s) => s.replaceAll('\u0000', '')),
  }),
  z.object({
    template: z.object({
      name: z.string().min(1).max(512),
      language: z.string().min(2).max(15).default('pt_BR'),
      parameters: z.array(z.string().max(1024)).default([]),
    }),
  }),
]);

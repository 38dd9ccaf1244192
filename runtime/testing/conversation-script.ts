import { z } from 'zod';
import { agendaRules } from '../../shared/agenda/agenda.ts';

/** The `*.conversation.json` format: a scripted chat with expectations, run against a flow. */
const product = z.object({
  id: z.string(),
  categoryId: z.string(),
  name: z.string(),
  description: z.string().default(''),
  priceCents: z.number().int(),
  imageUrl: z.string().nullable().default(null),
  stock: z.number().int().nullable().default(null),
});

const llmAnswer = z.object({
  reply: z.string(),
  score: z.number(),
  route: z.enum(['continue', 'done', 'escalate']),
  variables: z.record(z.string(), z.string()).default({}),
});

/** An agent block's model call: its reply text and the tools it calls. */
const agentStep = z
  .object({
    text: z.string().optional(),
    tools: z.array(z.object({ tool: z.string(), input: z.record(z.string(), z.unknown()).default({}) })).optional(),
  })
  .strict();

const botExpectation = z.union([
  z.object({ text: z.string() }).strict(),
  z.object({ buttons: z.array(z.string()) }).strict(),
  z.object({ list: z.array(z.string()) }).strict(),
  z.object({ media: z.enum(['image', 'document', 'video', 'audio']) }).strict(),
  /** A Meta template by name, with its quick replies' titles when given. */
  z.object({ template: z.string(), buttons: z.array(z.string()).optional() }).strict(),
]);
export type BotExpectation = z.infer<typeof botExpectation>;

export const conversationTurn = z.union([
  z.object({ send: z.string() }).strict(),
  z.object({ tap: z.string() }).strict(),
  z
    .object({
      location: z.object({
        latitude: z.number(),
        longitude: z.number(),
        name: z.string().optional(),
        address: z.string().optional(),
      }),
    })
    .strict(),
  z
    .object({ media: z.enum(['image', 'audio', 'video', 'document', 'sticker']), caption: z.string().optional() })
    .strict(),
  z.object({ after: z.string().regex(/^\d+(?:\.\d+)?\s*(s|m|h|d)$/, 'use 30s, 30m, 2h or 1d') }).strict(),
  z.object({ resolve: z.literal(true) }).strict(),
  /** The business confirms the latest Pix charge (PSP callback or "Marcar como pago"). */
  z.object({ pay: z.literal(true) }).strict(),
  z.object({ bot: z.array(botExpectation) }).strict(),
  z
    .object({
      expect: z
        .object({
          variables: z.record(z.string(), z.unknown()).optional(),
          node: z.string().nullable().optional(),
          status: z.enum(['active', 'handoff', 'ended']).optional(),
          order: z
            .object({
              totalCents: z.number().optional(),
              address: z.string().optional(),
              items: z.array(z.record(z.string(), z.unknown())).optional(),
            })
            .nullable()
            .optional(),
          handoff: z.boolean().optional(),
          /** The start instants (ISO, UTC) of the bookings held now, cancelled ones left out. */
          bookings: z.array(z.string()).optional(),
        })
        .strict(),
    })
    .strict(),
]);
export type ConversationTurn = z.infer<typeof conversationTurn>;

export const conversationScript = z.object({
  name: z.string(),
  flow: z.string(),
  /**
   * The moment the conversation starts, with its offset ("2026-11-23T09:00:00-03:00").
   * Scripts with dates pin it, so "future only" and "without a year" read the same every year.
   */
  now: z.iso.datetime({ offset: true }).optional(),
  contact: z.object({ name: z.string(), phone: z.string() }).default({ name: 'Contato Teste', phone: '5584990000000' }),
  /**
   * When the contact last wrote before the script starts, as a duration ago ("3h"); absent:
   * never. Each message the script sends renews the 24-hour window from then on.
   */
  wroteAgo: z
    .string()
    .regex(/^\d+(?:\.\d+)?\s*(s|m|h|d)$/)
    .optional(),
  catalog: z
    .object({
      categories: z.array(z.object({ id: z.string(), name: z.string() })).default([]),
      products: z.array(product).default([]),
    })
    .default({ categories: [], products: [] }),
  llm: z.array(z.union([llmAnswer, agentStep])).default([]),
  /**
   * Agendas the schedule and agent blocks book, by id; or a JSON file of them next to the script (a
   * template's own `*.agendas.json`), read by `runConversationFile`.
   */
  agendas: z.union([z.string(), z.record(z.string(), agendaRules)]).default({}),
  http: z
    .array(
      z.object({
        url: z.string(),
        method: z.string().optional(),
        status: z.number().int().default(200),
        body: z.unknown().optional(),
      }),
    )
    .default([]),
  start: z
    .object({ variables: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}) })
    .optional(),
  turns: z.array(conversationTurn),
});
export type ConversationScript = z.infer<typeof conversationScript>;
export type ConversationScriptInput = z.input<typeof conversationScript>;

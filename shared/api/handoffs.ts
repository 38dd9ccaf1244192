import { z } from 'zod';
import { handoffPriorities } from '../flow/nodes/handoff.ts';

export const handoffStatuses = ['open', 'claimed', 'resolved'] as const;

export const inboxMessage = z.object({
  id: z.string(),
  direction: z.enum(['in', 'out']),
  author: z.enum(['contact', 'bot', 'agent']),
  text: z.string().nullable(),
  type: z.string(),
  status: z.string(),
  createdAt: z.string(),
  /**
   * A photo or file: the contact's served by `GET /api/media/{id}` (null `url` until downloaded
   * or when that failed), ours by the public link WhatsApp downloaded it from.
   */
  media: z
    .object({
      kind: z.enum(['image', 'document', 'audio', 'video', 'sticker']),
      url: z.string().nullable(),
      fileName: z.string().nullable(),
    })
    .nullable()
    .default(null),
});

export type InboxMessage = z.output<typeof inboxMessage>;

export const handoff = z.object({
  id: z.string(),
  status: z.enum(handoffStatuses),
  team: z.string(),
  note: z.string(),
  contact: z.object({ id: z.string(), name: z.string(), phone: z.string().nullable() }),
  assignedUserId: z.string().nullable(),
  /** Variables the flow had collected when it handed over. */
  variables: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  /** The contact can get free text only inside WhatsApp's 24-hour window. */
  windowOpen: z.boolean(),
  /** The team the block named, when one by that name exists (else nobody is routed to it). */
  teamId: z.string().nullable(),
  priority: z.enum(handoffPriorities),
  /** When the first human reply is due by the team's SLA; null without a team, or once replied. */
  slaDueAt: z.string().nullable(),
  /** The SLA ran out before a human replied (the studio was alerted). */
  slaBreached: z.boolean(),
  firstReplyAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});
export const handoffsResponse = z.object({ handoffs: z.array(handoff) });
export const handoffNote = z.object({
  id: z.string(),
  /** `note`: internal, never sent to the contact; `transfer` and `reopen` carry their note. */
  kind: z.enum(['note', 'transfer', 'reopen']),
  text: z.string(),
  author: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
});
export const handoffDetailResponse = z.object({
  handoff,
  messages: z.array(inboxMessage),
  notes: z.array(handoffNote),
});
const noteText = z
  .string()
  .trim()
  .max(2000)
  .transform((s) => s.replaceAll('\u0000', ''));
export const handoffNoteRequest = z.object({ text: noteText.pipe(z.string().min(1, 'escreva a nota')) });
/** To an agent (`userId`) or to a team's queue (`teamId`), exactly one, with an optional note. */
export const transferHandoffRequest = z
  .object({
    userId: z.string().min(1).max(100).optional(),
    teamId: z.string().min(1).max(100).optional(),
    note: noteText.default(''),
  })
  .refine((b) => (b.userId === undefined) !== (b.teamId === undefined), {
    message: 'informe userId ou teamId (um dos dois)',
  });
const withoutNul = (s: string) => s.replaceAll('\u0000', '');
/**
 * What an agent sends: a text; an uploaded file (`POST /api/media`) with an optional caption;
 * or, the only thing WhatsApp takes once the 24-hour window closed, an approved template of
 * the contact's channel (`GET /api/message-templates`) with its body's values in order.
 */
export const agentMessageRequest = z.union([
  z.object({ text: z.string().trim().min(1, 'escreva a mensagem').max(4096).transform(withoutNul) }),
  z.object({
    mediaId: z.string().min(1).max(100),
    caption: z.string().trim().max(1024).transform(withoutNul).optional(),
  }),
  z.object({
    template: z.object({
      id: z.string().min(1).max(100),
      parameters: z.array(z.string().trim().min(1, 'preencha o valor').max(1024).transform(withoutNul)).max(30),
    }),
  }),
]);
/** An admin hands the conversation to someone (an agent or admin), or back to the queue with `null`. */
export const assignHandoffRequest = z.object({ userId: z.string().min(1).max(100).nullable() });

/** An approved template the agent may send to the handoff's contact, with its body's parameters in order. */
export const handoffTemplate = z.object({
  id: z.string(),
  name: z.string(),
  language: z.string(),
  /** The body with `{{1}}` / `{{name}}` placeholders, as Meta approved it. */
  body: z.string(),
  parameters: z.array(z.string()),
});
export type HandoffTemplate = z.infer<typeof handoffTemplate>;
export const handoffTemplatesResponse = z.object({ templates: z.array(handoffTemplate) });

import { z } from 'zod';

/**
 * The one contract for what the bot sends: the engine decides these (runtime/), the server
 * stores them (`messages.payload.message`) and maps them to Graph payloads, the simulator's
 * API returns them and the studio draws them. Channel-neutral; the engine already keeps them
 * within WhatsApp's limits (3 buttons, 10 rows, 4096 characters...), so these schemas say
 * what a message IS, not what Meta accepts. The discriminant is `kind` (stored payloads and
 * API clients already use it).
 */

export const mediaKinds = ['image', 'document', 'video', 'audio'] as const;
export const mediaKind = z.enum(mediaKinds);
export type MediaKind = z.infer<typeof mediaKind>;

export const messageHeader = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('image'), url: z.string() }),
]);
export type MessageHeader = z.infer<typeof messageHeader>;

export const replyButton = z.object({
  /** Comes back as the reply's id when tapped. */
  id: z.string(),
  title: z.string(),
});
export type ReplyButton = z.infer<typeof replyButton>;

export const listRow = z.object({ id: z.string(), title: z.string(), description: z.string().optional() });
export type ListRow = z.infer<typeof listRow>;

export const listSection = z.object({ title: z.string().optional(), rows: z.array(listRow) });
export type ListSection = z.infer<typeof listSection>;

export const outboundMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({
    kind: z.literal('media'),
    media: mediaKind,
    url: z.string(),
    caption: z.string().optional(),
    filename: z.string().optional(),
  }),
  z.object({
    kind: z.literal('buttons'),
    body: z.string(),
    header: messageHeader.optional(),
    footer: z.string().optional(),
    buttons: z.array(replyButton),
  }),
  z.object({
    kind: z.literal('list'),
    body: z.string(),
    header: z.string().optional(),
    footer: z.string().optional(),
    buttonLabel: z.string(),
    sections: z.array(listSection),
  }),
  /** Only sendable outside the 24-hour window; sent by campaigns and operators, not by flow nodes. */
  z.object({ kind: z.literal('template'), name: z.string(), language: z.string(), parameters: z.array(z.string()) }),
]);
export type OutboundMessage = z.infer<typeof outboundMessage>;
export type OutboundKind = OutboundMessage['kind'];

/**
 * The words a message carries, as a person reads them: kept as `messages.text` for the inbox,
 * written to the session's history, matched by tests. Null when it has none (a picture
 * without a caption): the caller decides how to name that.
 */
export function textOf(message: OutboundMessage): string | null {
  switch (message.kind) {
    case 'text':
      return message.text;
    case 'media':
      return message.caption ?? null;
    case 'buttons':
    case 'list':
      return message.body;
    case 'template':
      return message.parameters.length ? `[${message.name}] ${message.parameters.join(' · ')}` : `[${message.name}]`;
  }
}

import { z } from 'zod';
import { productListShape, singleProductMessage } from '../meta-catalog/product-message.ts';

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

export const templateHeaderParameter = z.object({ text: z.string(), name: z.string().optional() });

export const templateButtonParameter = z.object({
  /** The button's position in the template (Meta's `index`). */
  index: z.number().int().min(0),
  type: z.enum(['quick_reply', 'url', 'copy_code']),
  /** A quick reply's payload (echoed back when tapped), a URL's suffix or the code. */
  value: z.string(),
  /** A quick reply's label, as the contact sees it. */
  title: z.string().optional(),
});
export type TemplateButtonParameter = z.infer<typeof templateButtonParameter>;

/** Meta's order statuses (Payments API, Brazil), sent as `order_status` updates. */
export const paymentOrderStatuses = [
  'pending',
  'processing',
  'partially-shipped',
  'shipped',
  'completed',
  'canceled',
] as const;

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
  /** The only kind Meta delivers outside the 24-hour window; a Meta-approved template by name and language. */
  z.object({
    kind: z.literal('template'),
    name: z.string(),
    language: z.string(),
    /** The body's parameter values, in order. */
    parameters: z.array(z.string()),
    /** NAMED templates: the body parameters' names, in the order of `parameters`. */
    parameterNames: z.array(z.string()).optional(),
    header: templateHeaderParameter.optional(),
    /** Buttons that carry a value: quick replies (their payload), URL suffixes, copy codes. */
    buttons: z.array(templateButtonParameter).optional(),
    /** The template as the contact reads it (parameters filled in), for the history and the inbox. */
    text: z.string().optional(),
  }),
  /** Meta's Payments API (Brazil): the order to review and pay, with a Pix code; amounts in cents. */
  z.object({
    kind: z.literal('order_details'),
    /** The reconciliation key: `order_status` updates repeat it. */
    reference: z.string(),
    body: z.string(),
    configurationName: z.string(),
    items: z.array(z.object({ name: z.string(), amountCents: z.number().int(), quantity: z.number().int() })),
    totalCents: z.number().int(),
    pix: z.object({ code: z.string(), merchantName: z.string(), key: z.string() }),
  }),
  z.object({
    kind: z.literal('order_status'),
    reference: z.string(),
    status: z.enum(paymentOrderStatuses),
    body: z.string(),
  }),
  /** WhatsApp product messages: products of the business's Meta commerce catalog, by retailer id. */
  productListShape,
  singleProductMessage,
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
    case 'order_details':
    case 'order_status':
    case 'product_list':
      return message.body;
    case 'product':
      return message.body ?? '[produto do catálogo]';
    case 'template':
      if (message.text) return message.text;
      return message.parameters.length ? `[${message.name}] ${message.parameters.join(' · ')}` : `[${message.name}]`;
  }
}

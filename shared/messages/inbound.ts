import { z } from 'zod';

/**
 * What a contact can send, as the engine reads it: the WhatsApp layer turns webhooks into
 * these, the server stores them (`messages.payload.content`) and parses them back with this
 * schema, the simulator and flow tests build them directly. Discriminated on `kind`.
 */
export const inboundContent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  /** A tapped reply button or list row (also a template's quick-reply button). */
  z.object({ kind: z.literal('reply'), id: z.string(), title: z.string() }),
  z.object({
    kind: z.literal('location'),
    latitude: z.number(),
    longitude: z.number(),
    name: z.string().optional(),
    address: z.string().optional(),
  }),
  z.object({
    kind: z.literal('media'),
    media: z.enum(['image', 'audio', 'video', 'document', 'sticker']),
    mediaId: z.string().optional(),
    url: z.string().optional(),
    caption: z.string().optional(),
    mimeType: z.string().optional(),
  }),
  z.object({
    kind: z.literal('contacts'),
    contacts: z.array(z.object({ name: z.string(), phones: z.array(z.string()) })),
  }),
  z.object({
    kind: z.literal('order'),
    items: z.array(z.object({ productId: z.string(), quantity: z.number(), unitPrice: z.number() })),
  }),
  z.object({ kind: z.literal('reaction'), emoji: z.string(), messageId: z.string() }),
  /** Anything the flow cannot read; answered with the flow's fallback message. */
  z.object({ kind: z.literal('unsupported'), type: z.string() }),
]);
export type InboundContent = z.infer<typeof inboundContent>;

import { z } from 'zod';
import { templateText } from '../common.ts';

export const mediaKinds = ['image', 'document', 'video', 'audio'] as const;

export const mediaAttachment = z.object({
  kind: z.enum(mediaKinds),
  url: templateText.min(1),
  /** Sent with the media; not allowed on audio by WhatsApp. */
  caption: templateText.optional(),
  filename: z.string().max(240).optional(),
});
export type MediaAttachment = z.infer<typeof mediaAttachment>;

export const messageData = z.object({
  text: templateText.default(''),
  media: mediaAttachment.nullable().default(null),
});
export type MessageData = z.infer<typeof messageData>;

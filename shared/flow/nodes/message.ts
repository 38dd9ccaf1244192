import { z } from 'zod';
import { templateText, timeoutMinutes, whenWindowClosed } from '../common.ts';
import { messageTemplateRef } from './message-template.ts';

export const mediaKinds = ['image', 'document', 'video', 'audio'] as const;

export const mediaAttachment = z.object({
  kind: z.enum(mediaKinds),
  url: templateText.min(1),
  /** Sent with the media; not allowed on audio by WhatsApp. */
  caption: templateText.optional(),
  filename: z.string().max(240).optional(),
});
export type MediaAttachment = z.infer<typeof mediaAttachment>;

/**
 * When a block with a template sends it: `always` (the block IS the template; its quick
 * replies are outputs) or `window_closed` (text/media inside the 24-hour window, the
 * template as the fallback outside it).
 */
export const templateWhens = ['always', 'window_closed'] as const;

export const messageData = z.object({
  text: templateText.default(''),
  media: mediaAttachment.nullable().default(null),
  template: messageTemplateRef.nullable().default(null),
  templateWhen: z.enum(templateWhens).default('always'),
  windowClosed: whenWindowClosed,
  /** Minutes to wait for a quick reply before `timeout` (templates with quick replies only). */
  timeoutMinutes,
});
export type MessageData = z.infer<typeof messageData>;

import { z } from 'zod';
import { localId, templateText } from '../common.ts';

/**
 * A Meta message template a `message` block sends: a copy of what the flow needs from the
 * catalogue (name, language, parameter slots, buttons) taken when the template was picked,
 * so the flow runs, validates and draws its outputs without asking Meta.
 */
export const templateParameter = z.object({
  /** The parameter's name in a NAMED template (`{{nome}}`); absent in a POSITIONAL one (`{{1}}`). */
  name: z.string().min(1).optional(),
  /** A literal or a `{{variable}}` text, rendered at send time. */
  value: templateText.default(''),
});
export type TemplateParameter = z.infer<typeof templateParameter>;

export const templateButtonKinds = ['quick_reply', 'url', 'phone_number', 'copy_code', 'other'] as const;

export const templateButton = z.object({
  /** Stable id inside the block: a quick reply's output handle is derived from it. */
  id: localId,
  kind: z.enum(templateButtonKinds),
  title: z.string(),
  /** A URL button's suffix or a copy-code button's code (templates may carry a variable there). */
  value: templateText.default(''),
});
export type TemplateButton = z.infer<typeof templateButton>;

export const messageTemplateRef = z.object({
  name: z.string().regex(/^[a-z0-9_]+$/, 'Meta template names use a-z, 0-9 and _'),
  /** Meta's language code, e.g. `pt_BR`. */
  language: z.string().min(2),
  /** Header text parameter (at most one); media headers are not supported yet. */
  header: z.array(templateParameter).max(1).default([]),
  body: z.array(templateParameter).default([]),
  /** The template's buttons in Meta's order (the index Meta expects is the position here). */
  buttons: z.array(templateButton).max(10).default([]),
  /** For the studio's preview and the history: the template's texts as Meta shows them. */
  preview: z
    .object({ header: z.string().default(''), body: z.string().default(''), footer: z.string().default('') })
    .default({ header: '', body: '', footer: '' }),
});
export type MessageTemplateRef = z.infer<typeof messageTemplateRef>;

/** The quick-reply buttons of a template: each one is an output of the block. */
export const quickReplies = (t: Pick<MessageTemplateRef, 'buttons'>): TemplateButton[] =>
  t.buttons.filter((b) => b.kind === 'quick_reply');

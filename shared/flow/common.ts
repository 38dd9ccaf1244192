import { z } from 'zod';

/** A text that may contain `{{variable}}` placeholders, rendered at run time. */
export const templateText = z.string();

/** A variable name as users type it: `nome`, `valor_imovel`. Dotted paths read nested values. */
export const variableName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'use letters, digits and _ only, not starting with a digit');

/** Stable id of an option or rule inside a node; its output handle is derived from it. */
export const localId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

/** A number typed in the studio, or a template that renders to one (`{{valor}}`). */
export const numberOrTemplate = z.union([z.number(), z.string()]);

/** Minutes before a waiting node fires its `timeout` output; null waits forever. */
export const timeoutMinutes = z
  .number()
  .positive()
  .max(60 * 24 * 30)
  .nullable()
  .default(null);

/**
 * What a block sending a free-form message does when the contact's 24-hour window is closed
 * (Meta refuses free-form then): `end` quietly, or `output` — the block shows its
 * `window_closed` output so the studio can draw where to go. A message block may instead send
 * a template as its fallback (`templateWhen: 'window_closed'`).
 */
export const windowClosedChoices = ['end', 'output'] as const;
export const whenWindowClosed = z.enum(windowClosedChoices).default('end');

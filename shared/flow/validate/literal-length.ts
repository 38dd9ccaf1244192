import { parseTemplate } from '../../template/parse.ts';

/**
 * Length of a template's literal text. A placeholder counts as 0 characters: its rendered
 * length is unknown before run time, so only what the user typed can be held to a limit.
 * Counted in UTF-16 units (an emoji is 2), the stricter of the ways WhatsApp might count.
 */
export function literalLength(template: string): number {
  if (!template.includes('{{')) return template.length;
  let length = 0;
  for (const part of parseTemplate(template)) if (part.kind === 'text') length += part.text.length;
  return length;
}

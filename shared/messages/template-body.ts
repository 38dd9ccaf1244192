import type { TemplateComponentView } from '../api/message-templates.ts';

/** `{{1}}` in a POSITIONAL template, `{{first_name}}` in a NAMED one (Meta's two formats). */
const placeholder = /\{\{\s*([\w]+)\s*\}\}/g;

/** The body text of a Meta template, or '' when it has none. */
export const templateBodyText = (components: readonly TemplateComponentView[]) =>
  components.find((c) => c.type.toUpperCase() === 'BODY')?.text ?? '';

/** The body's parameters in the order Meta expects their values: each name once, as first seen. */
export function templateBodyParameters(components: readonly TemplateComponentView[]): string[] {
  const names: string[] = [];
  for (const m of templateBodyText(components).matchAll(placeholder)) {
    const name = m[1] ?? '';
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** The body as the contact reads it, each parameter replaced by its value (for the history). */
export function fillTemplateBody(components: readonly TemplateComponentView[], values: readonly string[]): string {
  const names = templateBodyParameters(components);
  return templateBodyText(components).replace(placeholder, (whole, name: string) => {
    const i = names.indexOf(name);
    return i >= 0 && values[i] !== undefined ? values[i] : whole;
  });
}

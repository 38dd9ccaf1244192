import {
  parameterFormatOf,
  urlVariable,
  variablesOf,
  type TemplateDraft,
} from '../../shared/message-templates/draft.ts';

type Json = Record<string, unknown>;

/**
 * The body of `POST /{waba-id}/message_templates` for a checked draft (META-TEMPLATES.md §1.3):
 * components in Meta's UPPERCASE, one example per variable — positional as arrays in `{{n}}`
 * order, named as `{param_name, example}` — and the button list in the draft's order.
 * The components are also what the catalogue stores until the next sync brings Meta's copy.
 */
export function templateCreateBody(draft: TemplateDraft): Json {
  const format = parameterFormatOf(draft);
  const example = (name: string) => draft.examples[name] ?? '';
  const components: Json[] = [];
  if (draft.header.trim()) {
    const vars = variablesOf(draft.header);
    components.push({
      type: 'HEADER',
      format: 'TEXT',
      text: draft.header,
      ...(vars.length > 0 && {
        example:
          format === 'NAMED'
            ? { header_text_named_params: vars.map((v) => ({ param_name: v, example: example(v) })) }
            : { header_text: vars.map(example) },
      }),
    });
  }
  const bodyVars = variablesOf(draft.body);
  components.push({
    type: 'BODY',
    text: draft.body,
    ...(bodyVars.length > 0 && {
      example:
        format === 'NAMED'
          ? { body_text_named_params: bodyVars.map((v) => ({ param_name: v, example: example(v) })) }
          : { body_text: [bodyVars.map(example)] },
    }),
  });
  if (draft.footer.trim()) components.push({ type: 'FOOTER', text: draft.footer });
  if (draft.buttons.length > 0) {
    components.push({
      type: 'BUTTONS',
      buttons: draft.buttons.map((b): Json => {
        if (b.type === 'QUICK_REPLY') return { type: 'QUICK_REPLY', text: b.text };
        if (b.type === 'PHONE_NUMBER')
          return { type: 'PHONE_NUMBER', text: b.text, phone_number: b.phoneNumber.replace(/\s/g, '') };
        return {
          type: 'URL',
          text: b.text,
          url: b.url,
          ...(urlVariable(b.url) !== undefined && { example: [b.example] }),
        };
      }),
    });
  }
  return {
    name: draft.name,
    language: draft.language,
    category: draft.category,
    parameter_format: format,
    components,
  };
}

import type { MessageTemplateView } from '../../../shared/api/message-templates.ts';
import type { MessageTemplateRef, TemplateButton } from '../../../shared/flow/nodes/message-template.ts';

const buttonKinds: Record<string, TemplateButton['kind']> = {
  QUICK_REPLY: 'quick_reply',
  URL: 'url',
  PHONE_NUMBER: 'phone_number',
  COPY_CODE: 'copy_code',
};

/** `{{1}}` or `{{nome}}` slots of a text, each once, in order. */
function slots(text: string | undefined): string[] {
  return [...new Set([...(text ?? '').matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1] ?? ''))];
}

/**
 * What a message block keeps of a catalogue template when it is picked: a parameter per slot
 * (named templates fill a slot named like a flow variable with that variable), the buttons in
 * Meta's order with ids for the quick replies' outputs, and the texts for the preview. Values
 * already typed for a slot of the same name are kept when the template is picked again.
 */
export function templateRefOf(view: MessageTemplateView, previous: MessageTemplateRef | null): MessageTemplateRef {
  const part = (type: string) => view.components.find((c) => c.type.toUpperCase() === type);
  const named = view.parameterFormat === 'NAMED';
  const kept = new Map([...(previous?.header ?? []), ...(previous?.body ?? [])].map((p) => [p.name, p.value]));
  const param = (slot: string) => {
    const name = named ? slot : undefined;
    const value = kept.get(name) ?? (named ? `{{${slot}}}` : '');
    return name === undefined ? { value } : { name, value };
  };
  const header = part('HEADER');
  return {
    name: view.name,
    language: view.language,
    header: header?.format === undefined || header.format === 'TEXT' ? slots(header?.text).slice(0, 1).map(param) : [],
    body: slots(part('BODY')?.text).map(param),
    buttons: (part('BUTTONS')?.buttons ?? []).map((b, i) => ({
      id: `b${i}`,
      kind: buttonKinds[b.type] ?? 'other',
      title: b.text,
      value: '',
    })),
    preview: { header: header?.text ?? '', body: part('BODY')?.text ?? '', footer: part('FOOTER')?.text ?? '' },
  };
}

import type { MessageTemplateRef, TemplateParameter } from '../../shared/flow/nodes/message-template.ts';
import type { TemplateButtonParameter } from '../../shared/messages/outbound.ts';
import { replyId } from '../choice.ts';
import type { StepContext } from '../context.ts';
import type { OutboundMessage } from '../messages.ts';

/**
 * The template a block sends, its parameters rendered from the session's variables. Quick
 * replies carry `<node>:<button>` as payload, as a menu's reply ids do, so a tap is read the
 * same way (Meta echoes the payload back in the `button` message).
 */
export function templateMessage(nodeId: string, t: MessageTemplateRef, ctx: StepContext): OutboundMessage {
  const value = (p: TemplateParameter) => ctx.render(p.value).trim();
  const body = t.body.map(value);
  const named = t.body.length > 0 && t.body.every((p) => p.name !== undefined);
  const header = t.header[0];
  const buttons = t.buttons.flatMap((b, index): TemplateButtonParameter[] => {
    if (b.kind === 'quick_reply') return [{ index, type: 'quick_reply', value: replyId(nodeId, b.id), title: b.title }];
    if (b.kind === 'url' && b.value) return [{ index, type: 'url', value: ctx.render(b.value).trim() }];
    if (b.kind === 'copy_code' && b.value) return [{ index, type: 'copy_code', value: ctx.render(b.value).trim() }];
    return [];
  });
  return {
    kind: 'template',
    name: t.name,
    language: t.language,
    parameters: body,
    ...(named ? { parameterNames: t.body.map((p) => p.name ?? '') } : {}),
    ...(header ? { header: { text: value(header), ...(header.name ? { name: header.name } : {}) } } : {}),
    ...(buttons.length ? { buttons } : {}),
    text: readableText(t, body, header ? value(header) : ''),
  };
}

/** The template's texts with the values in place of `{{1}}` / `{{nome}}`: what the contact reads. */
function readableText(t: MessageTemplateRef, body: string[], header: string): string {
  const fill = (text: string, values: string[], names: (string | undefined)[]) =>
    text.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, key: string) => {
      const at = /^\d+$/.test(key) ? Number(key) - 1 : names.indexOf(key);
      return at >= 0 && at < values.length ? (values[at] ?? whole) : whole;
    });
  const parts = [
    t.preview.header ? fill(t.preview.header, [header], [t.header[0]?.name]) : '',
    t.preview.body
      ? fill(
          t.preview.body,
          body,
          t.body.map((p) => p.name),
        )
      : body.join(' · '),
    t.preview.footer,
  ];
  const text = parts.filter((p) => p !== '').join('\n');
  return text === '' ? `[${t.name}]` : text;
}

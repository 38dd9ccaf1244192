import { whatsappLimits, type WhatsappLimit } from '../../whatsapp-limits.ts';
import type { FlowNode } from '../schema.ts';
import type { Problem, ProblemCode, ProblemParams } from '../problems.ts';
import { nodeProblem, type Rule } from './context.ts';
import { literalLength } from './literal-length.ts';

type Limited = {
  field: string;
  text: string | undefined;
  limit: WhatsappLimit;
  code: ProblemCode;
  params?: ProblemParams;
};
type Fields<T extends FlowNode['type']> = (node: Extract<FlowNode, { type: T }>) => Limited[];

const text = (field: string, value: string | undefined): Limited => ({
  field,
  text: value,
  limit: 'text',
  code: 'text_too_long',
});

/**
 * A menu's options go out as reply buttons (≤ 3), a list (≤ 10 rows) or, beyond that, as
 * pages of a list (the engine adds a "mais opções" row), so the option limits depend on the count.
 */
function menuFields(node: Extract<FlowNode, { type: 'menu' }>): Limited[] {
  const d = node.data;
  const asButtons = d.options.length <= whatsappLimits.replyButtons;
  const fields: Limited[] = [
    { field: 'text', text: d.text, limit: 'interactiveBody', code: 'interactive_body_too_long' },
    { field: 'header', text: d.header, limit: 'header', code: 'header_too_long' },
    { field: 'footer', text: d.footer, limit: 'footer', code: 'footer_too_long' },
    text('retryMessage', d.retryMessage),
  ];
  if (!asButtons)
    fields.push({
      field: 'buttonLabel',
      text: d.buttonLabel,
      limit: 'listButtonLabel',
      code: 'list_button_label_too_long',
    });
  d.options.forEach((o, i) => {
    const params = { title: o.title, buttons: whatsappLimits.replyButtons };
    fields.push(
      asButtons
        ? { field: `options.${i}.title`, text: o.title, limit: 'buttonTitle', code: 'button_title_too_long', params }
        : { field: `options.${i}.title`, text: o.title, limit: 'rowTitle', code: 'row_title_too_long', params },
    );
    // Buttons have no description: WhatsApp shows it only in lists.
    if (!asButtons)
      fields.push({
        field: `options.${i}.description`,
        text: o.description,
        limit: 'rowDescription',
        code: 'row_description_too_long',
        params,
      });
  });
  return fields;
}

/** The texts each node type sends to WhatsApp, with the limit each must fit. */
const limitedFields: { [T in FlowNode['type']]?: Fields<T> } = {
  message: (n) => [
    text('text', n.data.text),
    { field: 'media.caption', text: n.data.media?.caption, limit: 'caption', code: 'caption_too_long' },
  ],
  menu: menuFields,
  question: (n) => [text('text', n.data.text), text('retryMessage', n.data.retryMessage)],
  // The categories go out as a list, with this text as its body.
  product_picker: (n) => [
    { field: 'text', text: n.data.text, limit: 'interactiveBody', code: 'interactive_body_too_long' },
  ],
  handoff: (n) => [text('message', n.data.message)],
  wait: (n) => [text('message', n.data.message)],
  end: (n) => [text('message', n.data.message)],
};

/** What WhatsApp would reject, caught before publish: every literal text within its limit. */
export const whatsappLimitsRule: Rule = ({ flow }) => {
  const problems: Problem[] = [];
  for (const node of flow.nodes) {
    const fields = limitedFields[node.type] as Fields<FlowNode['type']> | undefined;
    for (const f of fields?.(node) ?? []) {
      if (f.text === undefined) continue;
      const length = literalLength(f.text);
      const max = whatsappLimits[f.limit];
      if (length > max) problems.push(nodeProblem(node, f.code, f.field, { ...f.params, length, max }));
    }
    if (node.type === 'message' && node.data.media?.kind === 'audio' && node.data.media.caption) {
      problems.push(nodeProblem(node, 'caption_on_audio', 'media.caption'));
    }
  }
  return problems;
};

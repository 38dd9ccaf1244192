import type { OutboundKind, OutboundMessage } from '../../runtime/messages.ts';
import { splitText } from '../../shared/text/split-text.ts';
import { truncate } from '../../shared/text/truncate.ts';
import { whatsappLimits as limits } from '../../shared/whatsapp-limits.ts';
import { omitUndefined } from './omit-undefined.ts';
import { orderDetailsBody, orderStatusBody } from './order-messages.ts';
import { productListBody, singleProductBody } from './product-messages.ts';

/** Limits used only here (ids and section titles are never typed by users in the studio). */
const buttonIdMax = 256;
const rowIdMax = 200;
const sectionTitleMax = 24;
const listSections = 10;

export interface Recipient {
  waId: string | null;
  /** Business-scoped user id, the only address of username-only users. */
  userId: string | null;
}

type Body = Record<string, unknown>;
type Builder<K extends OutboundKind> = (message: Extract<OutboundMessage, { kind: K }>) => Body[];

/**
 * Meta's Cloud API bodies for one outbound message: usually one, several for a text over
 * 4096 characters. The engine already keeps messages within limits; cutting again here is
 * a last defence, because one rejected payload stalls the whole conversation.
 */
export function toGraphMessage(message: OutboundMessage, to: Recipient): Body[] {
  // The union is correlated with the registry key; TypeScript cannot see it through the index.
  const build = builders[message.kind] as (m: OutboundMessage) => Body[];
  const address = addressOf(to);
  return build(message).map((body) => ({
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    ...address,
    ...body,
  }));
}

/**
 * Marks an inbound message (and the ones before it) as read; with `typing`, also shows the
 * typing indicator until we answer or 25 seconds pass — only worth it when a reply follows.
 */
export function markAsReadPayload(wamid: string, { typing = false } = {}): Body {
  return {
    messaging_product: 'whatsapp',
    status: 'read',
    message_id: wamid,
    ...(typing && { typing_indicator: { type: 'text' } }),
  };
}

/** `to` with a `+` (Meta prepends our own country code when it is missing); `to` wins over `recipient`. */
function addressOf({ waId, userId }: Recipient): Body {
  if (waId) return { to: waId.startsWith('+') ? waId : `+${waId}` };
  if (userId) return { recipient: userId };
  throw new Error('recipient has neither wa_id nor user id');
}

const URL_PATTERN = /https?:\/\/\S/;

const builders: { [K in OutboundKind]: Builder<K> } = {
  // A text that renders empty (`{{var}}` unset) has nothing to say; Meta would reject it.
  text: (m) =>
    (m.text.trim() ? splitText(m.text, limits.text) : []).map((body) => ({
      type: 'text',
      text: URL_PATTERN.test(body) ? { preview_url: true, body } : { body },
    })),

  media: (m) => [
    {
      type: m.media,
      [m.media]: omitUndefined({
        link: m.url,
        // Audio messages cannot carry a caption; Meta rejects the field.
        caption: m.media === 'audio' || !m.caption ? undefined : truncate(m.caption, limits.caption),
        filename: m.media === 'document' ? m.filename : undefined,
      }),
    },
  ],

  buttons: (m) => [
    {
      type: 'interactive',
      interactive: omitUndefined({
        type: 'button',
        header:
          m.header &&
          (m.header.kind === 'text'
            ? { type: 'text', text: truncate(m.header.text, limits.header) }
            : { type: 'image', image: { link: m.header.url } }),
        body: { text: truncate(m.body, limits.interactiveBody) },
        footer: footer(m.footer),
        action: {
          buttons: m.buttons.slice(0, limits.replyButtons).map((b) => ({
            type: 'reply',
            reply: { id: truncate(b.id, buttonIdMax, { mark: false }), title: truncate(b.title, limits.buttonTitle) },
          })),
        },
      }),
    },
  ],

  list: (m) => {
    let rowsLeft = limits.listRows;
    const sections = m.sections.slice(0, listSections).flatMap((section) => {
      const rows = section.rows.slice(0, rowsLeft);
      rowsLeft -= rows.length;
      if (!rows.length) return [];
      return [
        omitUndefined({
          title: section.title === undefined ? undefined : truncate(section.title, sectionTitleMax),
          rows: rows.map((row) =>
            omitUndefined({
              id: truncate(row.id, rowIdMax, { mark: false }),
              title: truncate(row.title, limits.rowTitle),
              description: row.description ? truncate(row.description, limits.rowDescription) : undefined,
            }),
          ),
        }),
      ];
    });
    return [
      {
        type: 'interactive',
        interactive: omitUndefined({
          type: 'list',
          header: m.header ? { type: 'text', text: truncate(m.header, limits.header) } : undefined,
          body: { text: truncate(m.body, limits.interactiveBody) },
          footer: footer(m.footer),
          action: { button: truncate(m.buttonLabel, limits.listButtonLabel), sections },
        }),
      },
    ];
  },

  template: (m) => [{ type: 'template', template: templateBody(m) }],
  order_details: (m) => [orderDetailsBody(m)],
  order_status: (m) => [orderStatusBody(m)],
  product_list: (m) => [productListBody(m)],
  product: (m) => [singleProductBody(m)],
};

function footer(text: string | undefined): Body | undefined {
  return text ? { text: truncate(text, limits.footer) } : undefined;
}

/**
 * Meta's `template` object: `parameter_name` on every parameter of a NAMED template (Meta
 * answers 132000/100 without it), one `button` component per button that carries a value,
 * URL suffixes percent-encoded (Meta rejects raw `ç`, spaces, `:`...).
 */
function templateBody(m: Extract<OutboundMessage, { kind: 'template' }>): Body {
  const components: Body[] = [];
  if (m.header) components.push({ type: 'header', parameters: [textParameter(m.header.text, m.header.name)] });
  if (m.parameters.length)
    components.push({
      type: 'body',
      parameters: m.parameters.map((text, i) => textParameter(text, m.parameterNames?.[i])),
    });
  for (const b of m.buttons ?? []) {
    const parameter =
      b.type === 'quick_reply'
        ? { type: 'payload', payload: b.value }
        : b.type === 'url'
          ? { type: 'text', text: encodeURIComponent(b.value) }
          : { type: 'coupon_code', coupon_code: b.value };
    components.push({ type: 'button', sub_type: b.type, index: String(b.index), parameters: [parameter] });
  }
  return omitUndefined({
    name: m.name,
    language: { code: m.language },
    components: components.length ? components : undefined,
  });
}

function textParameter(text: string, name: string | undefined): Body {
  return omitUndefined({ type: 'text', parameter_name: name, text });
}

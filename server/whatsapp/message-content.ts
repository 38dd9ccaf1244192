import { z } from 'zod';
import type { InboundContent } from '../../runtime/events.ts';
import { omitUndefined } from './omit-undefined.ts';
import { describeIssue, numberish, stringish } from './webhook-schema.ts';

/** What a message's type-specific object adds besides its `InboundContent`. */
export interface ContentDetails {
  /** Media metadata kept for downloading and display (sha256 is base64 in webhooks). */
  media?: { id: string; mimeType?: string; sha256?: string; filename?: string; voice?: boolean; animated?: boolean };
  /** A completed WhatsApp Flow (`nfm_reply`): its `response_json`, parsed; null when unreadable. */
  formResponse?: { name?: string; data: Record<string, unknown> | null };
  /** `system` messages (number or user id changed): not something a flow answers. */
  system?: { type: string; body?: string; newWaId?: string; newUserId?: string };
  order?: { catalogId?: string; currency?: string };
}

export interface ContentResult {
  content: InboundContent;
  /** Readable text for history and the inbox; null when the message has none. */
  text: string | null;
  details?: ContentDetails;
  warning?: string;
}

type ContentReader = (message: Record<string, unknown>) => ContentResult;

const optionalString = z.string().optional();

const textSchema = z.object({ text: z.object({ body: z.string() }) });

const buttonSchema = z.object({ button: z.object({ payload: optionalString, text: z.string() }) });

const interactiveSchema = z.object({
  interactive: z.object({
    type: z.string(),
    button_reply: z.object({ id: z.string(), title: z.string() }).optional(),
    list_reply: z.object({ id: z.string(), title: z.string(), description: optionalString }).optional(),
    nfm_reply: z.object({ name: optionalString, body: optionalString, response_json: z.string() }).optional(),
  }),
});

const mediaObject = z.object({
  id: stringish,
  mime_type: optionalString,
  sha256: optionalString,
  url: optionalString,
  caption: optionalString,
  filename: optionalString,
  voice: z.boolean().optional(),
  animated: z.boolean().optional(),
});

const locationSchema = z.object({
  location: z.object({
    latitude: numberish,
    longitude: numberish,
    name: optionalString,
    address: optionalString,
  }),
});

const contactsSchema = z.object({
  contacts: z.array(
    z.object({
      name: z
        .object({ formatted_name: optionalString, first_name: optionalString, last_name: optionalString })
        .optional(),
      phones: z.array(z.object({ phone: optionalString, wa_id: stringish.optional() })).optional(),
    }),
  ),
});

const reactionSchema = z.object({ reaction: z.object({ message_id: z.string(), emoji: optionalString }) });

const orderSchema = z.object({
  order: z.object({
    catalog_id: stringish.optional(),
    text: optionalString,
    product_items: z.array(
      z.object({
        product_retailer_id: stringish,
        quantity: numberish,
        item_price: numberish,
        currency: optionalString,
      }),
    ),
  }),
});

const systemSchema = z.object({
  system: z.object({
    type: optionalString,
    body: optionalString,
    wa_id: stringish.optional(),
    user_id: optionalString,
  }),
});

const unsupportedSchema = z.object({ unsupported: z.object({ type: optionalString }).optional() });

/** Reads with a schema; on failure the message becomes `unsupported` with a warning, never a throw. */
function reading<S extends z.ZodType>(
  type: string,
  schema: S,
  read: (data: z.output<S>) => ContentResult,
): ContentReader {
  return (message) => {
    const parsed = schema.safeParse(message);
    if (parsed.success) return read(parsed.data);
    return {
      content: { kind: 'unsupported', type },
      text: null,
      warning: `malformed ${type}: ${describeIssue(parsed.error)}`,
    };
  };
}

function media(type: 'image' | 'audio' | 'video' | 'document' | 'sticker'): ContentReader {
  return reading(type, z.object({ [type]: mediaObject }), (data) => {
    const m = (data as Record<string, z.output<typeof mediaObject>>)[type]!;
    return {
      content: omitUndefined({
        kind: 'media',
        media: type,
        mediaId: m.id,
        url: m.url,
        caption: m.caption,
        mimeType: m.mime_type,
      }),
      text: m.caption ?? null,
      details: {
        media: omitUndefined({
          id: m.id,
          mimeType: m.mime_type,
          sha256: m.sha256,
          filename: m.filename,
          voice: m.voice,
          animated: m.animated,
        }),
      },
    };
  });
}

/** `response_json` is a JSON string; fields other than `flow_token` become the readable text. */
function readForm(reply: { name?: string; body?: string; response_json: string }): ContentResult {
  let data: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = JSON.parse(reply.response_json);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
      data = parsed as Record<string, unknown>;
  } catch {
    data = null;
  }
  const lines = Object.entries(data ?? {})
    .filter(([key]) => key !== 'flow_token')
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return {
    // No flow node sends a WhatsApp Flow, so no flow can wait for one: the fallback answers it.
    content: { kind: 'unsupported', type: 'nfm_reply' },
    text: lines.length ? lines.join('\n') : (reply.body ?? null),
    details: { formResponse: omitUndefined({ name: reply.name, data }) },
    ...(data === null && { warning: 'nfm_reply response_json is not a JSON object' }),
  };
}

const readers: Record<string, ContentReader> = {
  text: reading('text', textSchema, (d) => ({ content: { kind: 'text', text: d.text.body }, text: d.text.body })),
  interactive: reading('interactive', interactiveSchema, ({ interactive: i }) => {
    const choice = i.type === 'button_reply' ? i.button_reply : i.type === 'list_reply' ? i.list_reply : undefined;
    if (choice) return { content: { kind: 'reply', id: choice.id, title: choice.title }, text: choice.title };
    if (i.type === 'nfm_reply' && i.nfm_reply) return readForm(i.nfm_reply);
    return {
      content: { kind: 'unsupported', type: i.type },
      text: null,
      warning: `unknown interactive type ${i.type}`,
    };
  }),
  // A template quick-reply: `payload` is what we set at send time, so it plays the role of the id.
  button: reading('button', buttonSchema, ({ button: b }) => ({
    content: { kind: 'reply', id: b.payload ?? b.text, title: b.text },
    text: b.text,
  })),
  image: media('image'),
  audio: media('audio'),
  video: media('video'),
  document: media('document'),
  sticker: media('sticker'),
  location: reading('location', locationSchema, ({ location: l }) => ({
    content: omitUndefined({
      kind: 'location',
      latitude: l.latitude,
      longitude: l.longitude,
      name: l.name,
      address: l.address,
    }),
    text: [l.name, l.address].filter(Boolean).join(' — ') || `${l.latitude}, ${l.longitude}`,
  })),
  contacts: reading('contacts', contactsSchema, ({ contacts }) => {
    const cards = contacts.map((c) => ({
      name: c.name?.formatted_name ?? [c.name?.first_name, c.name?.last_name].filter(Boolean).join(' '),
      phones: (c.phones ?? []).flatMap((p) => p.phone ?? p.wa_id ?? []),
    }));
    return { content: { kind: 'contacts', contacts: cards }, text: cards.map((c) => c.name).join(', ') || null };
  }),
  // A removed reaction has no emoji: it arrives as an empty one.
  reaction: reading('reaction', reactionSchema, ({ reaction: r }) => ({
    content: { kind: 'reaction', emoji: r.emoji ?? '', messageId: r.message_id },
    text: r.emoji ?? null,
  })),
  order: reading('order', orderSchema, ({ order: o }) => ({
    content: {
      kind: 'order',
      items: o.product_items.map((i) => ({
        productId: i.product_retailer_id,
        quantity: i.quantity,
        unitPrice: i.item_price,
      })),
    },
    text: o.text ?? null,
    details: { order: omitUndefined({ catalogId: o.catalog_id, currency: o.product_items[0]?.currency }) },
  })),
  system: reading('system', systemSchema, ({ system: s }) => ({
    content: { kind: 'unsupported', type: 'system' },
    text: s.body ?? null,
    details: {
      system: omitUndefined({ type: s.type ?? 'unknown', body: s.body, newWaId: s.wa_id, newUserId: s.user_id }),
    },
  })),
  unsupported: reading('unsupported', unsupportedSchema, (d) => ({
    content: { kind: 'unsupported', type: d.unsupported?.type ?? 'unsupported' },
    text: null,
  })),
};

/** Maps a message's type-specific object to what the flow and the inbox read. */
export function readContent(type: string, message: Record<string, unknown>): ContentResult {
  const reader = Object.hasOwn(readers, type) ? readers[type] : undefined;
  if (reader) return reader(message);
  return { content: { kind: 'unsupported', type }, text: null, warning: `unknown message type ${type}` };
}

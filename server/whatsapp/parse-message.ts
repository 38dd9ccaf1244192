import { z } from 'zod';
import type { InboundContent } from '../../runtime/events.ts';
import { type ContentDetails, readContent } from './message-content.ts';
import { omitUndefined } from './omit-undefined.ts';
import { describeIssue, type GraphErrorInfo, readErrors, stringish, unixSeconds } from './webhook-schema.ts';

/** A sender listed in `value.contacts` (not a shared contact card). */
export interface ParsedContact {
  waId?: string;
  /** Business-scoped user id (`BR.…`), present from 2026; the only id of username-only users. */
  userId?: string;
  name: string;
  username?: string;
}

export interface MessageContext {
  /** The quoted or tapped message: one of ours when the contact answered buttons or a template. */
  id?: string;
  from?: string;
  forwarded?: boolean;
  frequentlyForwarded?: boolean;
  referredProduct?: { catalogId: string; productRetailerId: string };
}

/** Click-to-WhatsApp ad that opened the conversation. */
export interface Referral {
  sourceUrl?: string;
  sourceId?: string;
  sourceType?: string;
  body?: string;
  headline?: string;
  mediaType?: string;
  imageUrl?: string;
  videoUrl?: string;
  thumbnailUrl?: string;
  ctwaClid?: string;
  welcomeMessage?: string;
}

export interface ParsedInboundMessage extends ContentDetails {
  wamid: string;
  /** The sender's `wa_id`; null for username-only users (see `userId`). */
  from: string | null;
  userId: string | null;
  /** When the contact sent it (1-second resolution: ties happen). */
  timestamp: Date;
  type: string;
  content: InboundContent;
  text: string | null;
  profileName?: string;
  context?: MessageContext;
  referral?: Referral;
  /** Set when the message came from a WhatsApp group: answering 1:1 would be a mistake. */
  groupId?: string;
  errors?: GraphErrorInfo[];
  /** The message as Meta sent it (strings cleaned by `parseWebhook`, see clean-text.ts). */
  raw: unknown;
}

const optionalString = z.string().optional().catch(undefined);

const contextSchema = z
  .object({
    id: optionalString,
    from: stringish.optional().catch(undefined),
    forwarded: z.boolean().optional().catch(undefined),
    frequently_forwarded: z.boolean().optional().catch(undefined),
    referred_product: z.object({ catalog_id: stringish, product_retailer_id: stringish }).optional().catch(undefined),
  })
  .transform((c) =>
    omitUndefined<MessageContext>({
      id: c.id,
      from: c.from,
      forwarded: c.forwarded,
      frequentlyForwarded: c.frequently_forwarded,
      referredProduct: c.referred_product && {
        catalogId: c.referred_product.catalog_id,
        productRetailerId: c.referred_product.product_retailer_id,
      },
    }),
  );

const referralSchema = z
  .object({
    source_url: optionalString,
    source_id: optionalString,
    source_type: optionalString,
    body: optionalString,
    headline: optionalString,
    media_type: optionalString,
    image_url: optionalString,
    video_url: optionalString,
    thumbnail_url: optionalString,
    ctwa_clid: optionalString,
    welcome_message: z.object({ text: optionalString }).optional().catch(undefined),
  })
  .transform((r) =>
    omitUndefined<Referral>({
      sourceUrl: r.source_url,
      sourceId: r.source_id,
      sourceType: r.source_type,
      body: r.body,
      headline: r.headline,
      mediaType: r.media_type,
      imageUrl: r.image_url,
      videoUrl: r.video_url,
      thumbnailUrl: r.thumbnail_url,
      ctwaClid: r.ctwa_clid,
      welcomeMessage: r.welcome_message?.text,
    }),
  );

const messageBase = z.object({
  id: z.string().min(1),
  timestamp: unixSeconds,
  type: z.string().min(1),
  from: stringish.optional(),
  from_user_id: z.string().optional(),
  group_id: z.string().optional().catch(undefined),
  // A malformed context or referral costs that detail, not the message.
  context: contextSchema.optional().catch(undefined),
  referral: referralSchema.optional().catch(undefined),
});

const contactSchema = z.object({
  wa_id: stringish.optional(),
  user_id: z.string().optional(),
  profile: z.object({ name: z.string().optional(), username: z.string().optional() }).optional(),
});

export function parseContacts(value: unknown): ParsedContact[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = contactSchema.safeParse(item);
    if (!parsed.success) return [];
    const c = parsed.data;
    return [
      omitUndefined<ParsedContact>({
        waId: c.wa_id,
        userId: c.user_id,
        name: c.profile?.name ?? '',
        username: c.profile?.username,
      }),
    ];
  });
}

export type MessageResult =
  { message: ParsedInboundMessage; warnings: string[] } | { message: null; warnings: string[] };

/**
 * One message of `value.messages`. Without an id, a timestamp or a sender there is no dedupe
 * key or no one to answer, so the message is skipped with a warning; anything else unreadable
 * becomes `unsupported` content and the message is kept.
 */
export function parseMessage(raw: unknown, contacts: ParsedContact[]): MessageResult {
  const warnings: string[] = [];
  const base = messageBase.safeParse(raw);
  if (!base.success) return { message: null, warnings: [...warnings, `skipped: ${describeIssue(base.error)}`] };
  const m = base.data;
  if (m.from === undefined && m.from_user_id === undefined) {
    return { message: null, warnings: [...warnings, `skipped ${m.id}: no from nor from_user_id`] };
  }
  // Matched by id, never by position: one change can carry several senders.
  const sender = contacts.find(
    (c) => (m.from !== undefined && c.waId === m.from) || (m.from_user_id !== undefined && c.userId === m.from_user_id),
  );
  const read = readContent(m.type, raw as Record<string, unknown>);
  if (read.warning) warnings.push(`${m.id}: ${read.warning}`);
  const errors = readErrors((raw as Record<string, unknown>).errors);
  const message: ParsedInboundMessage = omitUndefined({
    wamid: m.id,
    from: m.from ?? null,
    userId: m.from_user_id ?? sender?.userId ?? null,
    timestamp: m.timestamp,
    type: m.type,
    content: read.content,
    text: read.text,
    profileName: sender?.name || undefined,
    context: m.context,
    referral: m.referral,
    groupId: m.group_id,
    errors: errors.length ? errors : undefined,
    ...read.details,
    raw,
  });
  return { message, warnings };
}

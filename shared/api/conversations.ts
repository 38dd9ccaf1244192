import { z } from 'zod';

/**
 * Where a conversation stands: the flow answers (`bot`), it waits in the inbox queue
 * (`waiting`), an agent holds it (`with_agent`), or no session is live (`ended`).
 */
export const conversationStatuses = ['bot', 'waiting', 'with_agent', 'ended'] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];

export const conversationContact = z.object({ id: z.string(), name: z.string(), phone: z.string().nullable() });

export const conversationSummary = z.object({
  /** The contact's id: a conversation is everything one contact exchanged on one channel. */
  id: z.string(),
  contact: conversationContact,
  channel: z.object({ id: z.string(), name: z.string() }),
  status: z.enum(conversationStatuses),
  lastMessage: z.object({
    direction: z.enum(['in', 'out']),
    type: z.string(),
    /** The message as readable text (a caption, a button's title, `[template x]`); null for media without one. */
    preview: z.string().nullable(),
    createdAt: z.string(),
  }),
  /** Messages from the contact after the caller last read the conversation (at most 99 counted). */
  unread: z.number().int(),
  lastActivityAt: z.string(),
});
export type ConversationSummary = z.infer<typeof conversationSummary>;

export const conversationsQuery = z.object({
  status: z.enum(conversationStatuses).optional(),
  channelId: z.string().max(100).optional(),
  /** A name or a phone number (or part of one). */
  q: z.string().max(100).optional(),
  /** `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const conversationsResponse = z.object({
  conversations: z.array(conversationSummary),
  /** Pass as `cursor` for the next (older) page; null on the last one. */
  nextCursor: z.string().nullable(),
});

export const conversationMessage = z.object({
  id: z.string(),
  direction: z.enum(['in', 'out']),
  author: z.enum(['contact', 'bot', 'agent', 'operator', 'campaign']),
  type: z.string(),
  text: z.string().nullable(),
  /**
   * What the contact saw: for outgoing messages the channel-neutral message the server sent
   * (`text`, `media`, `buttons`, `list`, `template`), for incoming ones what the contact sent
   * (`text`, `reply`, `location`, `media`, ...). Null when not kept.
   */
  content: z.record(z.string(), z.unknown()).nullable(),
  /** pending, sent, delivered, read, failed (outgoing); received (incoming). */
  status: z.string(),
  /** Why it failed: Meta's error code and title, or our own reason. */
  error: z.object({ code: z.union([z.string(), z.number()]).nullable(), title: z.string() }).nullable(),
  /** The stored file of an incoming photo, document, audio or video (`GET /api/media/{id}`). */
  media: z
    .object({
      id: z.string(),
      status: z.enum(['stored', 'failed']),
      mimeType: z.string().nullable(),
      /** A document's name as the contact sent it; null for photos, audio and video. */
      fileName: z.string().nullable(),
    })
    .nullable(),
  createdAt: z.string(),
});
export type ConversationMessage = z.infer<typeof conversationMessage>;

export const conversationSession = z.object({
  id: z.string(),
  flowId: z.string(),
  flowName: z.string(),
  version: z.number().int().nullable(),
  status: z.enum(['active', 'handoff', 'ended']),
  block: z.object({ id: z.string(), type: z.string().nullable(), title: z.string().nullable() }).nullable(),
  variables: z.record(z.string(), z.unknown()),
});

export const conversationDetailResponse = z.object({
  conversation: conversationSummary.extend({
    handoff: z
      .object({ id: z.string(), status: z.enum(['open', 'claimed']), assignedUserId: z.string().nullable() })
      .nullable(),
    /** Free text reaches the contact only inside WhatsApp's 24-hour window. */
    windowOpen: z.boolean(),
  }),
  /** Oldest first (the last 300). */
  messages: z.array(conversationMessage),
  /** The live session, or the last one when none is live; null when the flow never ran. */
  session: conversationSession.nullable(),
});

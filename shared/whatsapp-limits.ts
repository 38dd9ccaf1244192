/**
 * What the WhatsApp Cloud API accepts, in characters or items. `validateFlow` checks flows
 * against these before publish so that Meta never rejects a message the engine builds.
 * Sources: Meta's developer pages, listed in docs/meta-whatsapp.md §3 ("WA/…" below names them
 * the same way).
 */
export const whatsappLimits = {
  /** WA/messages/interactive-reply-buttons-messages: "1–3 buttons". */
  replyButtons: 3,
  /** Same page: reply button title ≤ 20 characters, unique within the message. */
  buttonTitle: 20,
  /** WA/messages/interactive-list-messages: "up to 10 rows for all sections combined". */
  listRows: 10,
  /** Same page: row title ≤ 24. */
  rowTitle: 24,
  /** Same page: row description ≤ 72. */
  rowDescription: 72,
  /** List and CTA pages: header text ≤ 60 (the reply-buttons page gives none; we use the same). */
  header: 60,
  /** Footer ≤ 60 on every interactive type. */
  footer: 60,
  /** List page: the button that opens the list sheet, `action.button` ≤ 20. */
  listButtonLabel: 20,
  /**
   * Body of reply buttons and CTA URL ≤ 1024. The current list page says 4096 while older
   * pages said 1024; we use 1024 for every interactive body to be safe.
   */
  interactiveBody: 1024,
  /** WA/messages/text-messages: `text.body` max 4096. */
  text: 4096,
  /** WA/messages/image-messages: media caption ≤ 1024. */
  caption: 1024,
} as const;

export type WhatsappLimit = keyof typeof whatsappLimits;

/**
 * Files an agent may send, by MIME type, as the kind of WhatsApp message they go out as
 * (WA/business-management-api/media "Supported media types": images JPEG/PNG; documents
 * text, PDF and Office files).
 */
export const sendableMediaTypes = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'application/pdf': 'document',
  'text/plain': 'document',
  'application/msword': 'document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'document',
  'application/vnd.ms-excel': 'document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'document',
  'application/vnd.ms-powerpoint': 'document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'document',
} as const satisfies Record<string, 'image' | 'document'>;
export type SendableMediaType = keyof typeof sendableMediaTypes;

const megabytes = (n: number) => n * 1024 * 1024;

/** Sizes in bytes: Meta's per kind (same media page), and what this server takes in one upload. */
export const mediaSizeLimits = {
  image: megabytes(5),
  document: megabytes(100),
  /** Kept in the database, so far below Meta's 100 MB for documents. */
  upload: megabytes(16),
} as const;

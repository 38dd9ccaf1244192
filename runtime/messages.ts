/**
 * Channel-neutral messages the engine sends. The WhatsApp layer maps them to Meta's
 * payloads; the simulator shows them as they are. The engine already keeps them within
 * WhatsApp's limits (3 buttons, 10 rows, 4096 characters...).
 */
export type MediaKind = 'image' | 'document' | 'video' | 'audio';

export type MessageHeader = { kind: 'text'; text: string } | { kind: 'image'; url: string };

export interface ReplyButton {
  /** Comes back as the reply's id when tapped. */
  id: string;
  title: string;
}

export interface ListRow {
  id: string;
  title: string;
  description?: string;
}

export interface ListSection {
  title?: string;
  rows: ListRow[];
}

export type OutboundMessage =
  | { kind: 'text'; text: string }
  | { kind: 'media'; media: MediaKind; url: string; caption?: string; filename?: string }
  | { kind: 'buttons'; body: string; header?: MessageHeader; footer?: string; buttons: ReplyButton[] }
  | { kind: 'list'; body: string; header?: string; footer?: string; buttonLabel: string; sections: ListSection[] }
  /** Only sendable outside the 24-hour window; produced by campaigns, not by flow nodes. */
  | { kind: 'template'; name: string; language: string; parameters: string[] };

export type OutboundKind = OutboundMessage['kind'];

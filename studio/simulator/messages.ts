import {
  outboundMessage,
  type ListRow,
  type OutboundMessage,
  type ReplyButton,
} from '../../shared/messages/outbound.ts';

/**
 * The simulator draws the messages the server sends, in the one contract of
 * shared/messages/outbound.ts (the same fields WhatsApp gets: header, footer...). Anything
 * that does not match it (a newer server) is shown as its JSON rather than dropped.
 */
export type Button = ReplyButton;
export type Row = ListRow;

export type BotMessage = OutboundMessage | { kind: 'unknown'; json: string };

export function toBotMessage(raw: unknown): BotMessage {
  const parsed = outboundMessage.safeParse(raw);
  return parsed.success ? parsed.data : { kind: 'unknown', json: JSON.stringify(raw) };
}

export type FormatPart = { text: string; bold?: boolean; italic?: boolean; strike?: boolean; mono?: boolean };

/** WhatsApp's own markup: *bold*, _italic_, ~strike~, ```mono```; one level, as the app renders it. */
export function formatWhatsApp(text: string): FormatPart[] {
  const parts: FormatPart[] = [];
  const pattern = /```([^`]+)```|\*([^*\n]+)\*|_([^_\n]+)_|~([^~\n]+)~/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index;
    if (index > last) parts.push({ text: text.slice(last, index) });
    if (match[1] !== undefined) parts.push({ text: match[1], mono: true });
    else if (match[2] !== undefined) parts.push({ text: match[2], bold: true });
    else if (match[3] !== undefined) parts.push({ text: match[3], italic: true });
    else if (match[4] !== undefined) parts.push({ text: match[4], strike: true });
    last = index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

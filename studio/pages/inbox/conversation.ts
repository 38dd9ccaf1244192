import type { InboxMessage } from '../../api/client.ts';
import type { HandoffNoteView } from '../../api/teams.ts';

/** An internal note (or a transfer, a reopening) in the history: the team sees it, the contact never. */
export interface NoteEntry {
  id: string;
  author: 'note';
  createdAt: string;
  note: HandoffNoteView;
}
export type TranscriptEntry = InboxMessage | NoteEntry;

interface Dated {
  author: string;
  createdAt: string;
}

/** Consecutive messages of one author, shown under one label, like a chat app does. */
export interface MessageRun<T extends Dated = InboxMessage> {
  author: T['author'];
  messages: T[];
}

export interface ConversationDay<T extends Dated = InboxMessage> {
  /** `YYYY-MM-DD` in the reader's time zone. */
  day: string;
  runs: MessageRun<T>[];
}

/** Messages and notes in one history, oldest first (a note after a message of the same instant). */
export function withNotes(messages: readonly InboxMessage[], notes: readonly HandoffNoteView[]): TranscriptEntry[] {
  const entries: TranscriptEntry[] = [
    ...messages,
    ...notes.map((note) => ({ id: `note-${note.id}`, author: 'note' as const, createdAt: note.createdAt, note })),
  ];
  // Array.prototype.sort is stable: messages keep their order, notes theirs.
  return entries.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
}

/** A pause this long starts a new run even when the same author keeps writing. */
const runGapMs = 5 * 60_000;

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of an instant in `timeZone` (the browser's when omitted), as `YYYY-MM-DD`. */
export function dayOf(iso: string, timeZone?: string): string {
  const key = timeZone ?? '';
  let format = dayFormats.get(key);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD, which also sorts and compares as text.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(key, format);
  }
  return format.format(new Date(iso));
}

/** Splits a conversation (oldest first) into days, and each day into runs of one author. */
export function groupConversation<T extends Dated>(messages: readonly T[], timeZone?: string): ConversationDay<T>[] {
  const days: ConversationDay<T>[] = [];
  let previous: T | null = null;
  for (const message of messages) {
    const day = dayOf(message.createdAt, timeZone);
    let current = days[days.length - 1];
    if (!current || current.day !== day) {
      current = { day, runs: [] };
      days.push(current);
      previous = null;
    }
    const run = current.runs[current.runs.length - 1];
    const close = previous !== null && Date.parse(message.createdAt) - Date.parse(previous.createdAt) < runGapMs;
    if (run && run.author === message.author && close) run.messages.push(message);
    else current.runs.push({ author: message.author, messages: [message] });
    previous = message;
  }
  return days;
}

/** How a day heading reads: today and yesterday by name, other days by date. */
export function dayLabelKind(day: string, now: Date, timeZone?: string): 'today' | 'yesterday' | 'date' {
  if (day === dayOf(now.toISOString(), timeZone)) return 'today';
  // Noon-to-noon keeps a daylight-saving change from skipping or repeating a day.
  const noon = new Date(`${dayOf(now.toISOString(), timeZone)}T12:00:00Z`);
  const yesterday = new Date(noon.getTime() - 24 * 3_600_000).toISOString().slice(0, 10);
  return day === yesterday ? 'yesterday' : 'date';
}

export type Delivery = 'sending' | 'sent' | 'delivered' | 'read' | 'failed';

/** Server message statuses (Meta's status webhooks move them along) as the agent reads them. */
const deliveryByStatus: Readonly<Record<string, Delivery>> = {
  pending: 'sending',
  accepted: 'sent',
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  played: 'read',
  failed: 'failed',
};

/** What became of an outgoing message; null for incoming ones and statuses we don't know. */
export function deliveryOf(message: Pick<InboxMessage, 'direction' | 'status'>): Delivery | null {
  if (message.direction !== 'out' || !Object.hasOwn(deliveryByStatus, message.status)) return null;
  return deliveryByStatus[message.status] ?? null;
}

/**
 * The simulator receives the engine's messages as plain JSON (`runtime/messages.ts`
 * shapes; the studio does not import the runtime). These narrow them for display,
 * and anything unknown is shown as its JSON rather than dropped.
 */
export interface Button { id: string; title: string }
export interface Row { id: string; title: string; description?: string }
export interface Section { title?: string; rows: Row[] }

export type BotMessage =
  | { kind: 'text'; text: string }
  | { kind: 'media'; media: 'image' | 'document' | 'video' | 'audio'; url: string; caption?: string; filename?: string }
  | { kind: 'buttons'; body: string; header?: string; headerImage?: string; footer?: string; buttons: Button[] }
  | { kind: 'list'; body: string; header?: string; footer?: string; buttonLabel: string; sections: Section[] }
  | { kind: 'unknown'; json: string };

type Json = Record<string, unknown>;

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function choice(value: unknown): Row | null {
  if (!isObject(value)) return null;
  const id = str(value.id);
  const title = str(value.title);
  if (id === undefined || title === undefined) return null;
  const description = str(value.description);
  return description ? { id, title, description } : { id, title };
}

type MediaKind = Extract<BotMessage, { kind: 'media' }>['media'];
const mediaKinds: readonly string[] = ['image', 'document', 'video', 'audio'] satisfies MediaKind[];
const isMediaKind = (value: string | undefined): value is MediaKind => value !== undefined && mediaKinds.includes(value);

export function toBotMessage(raw: Json): BotMessage {
  const unknown = (): BotMessage => ({ kind: 'unknown', json: JSON.stringify(raw) });
  switch (raw.kind) {
    case 'text':
      return typeof raw.text === 'string' ? { kind: 'text', text: raw.text } : unknown();
    case 'media': {
      const media = str(raw.media);
      const url = str(raw.url);
      if (!isMediaKind(media) || !url) return unknown();
      return { kind: 'media', media, url, caption: str(raw.caption), filename: str(raw.filename) };
    }
    case 'buttons': {
      const buttons = Array.isArray(raw.buttons) ? raw.buttons.map(choice).filter((b) => b !== null) : [];
      const header = isObject(raw.header) ? raw.header : null;
      return {
        kind: 'buttons',
        body: str(raw.body) ?? '',
        header: header?.kind === 'text' ? str(header.text) : undefined,
        headerImage: header?.kind === 'image' ? str(header.url) : undefined,
        footer: str(raw.footer),
        buttons: buttons.map(({ id, title }) => ({ id, title })),
      };
    }
    case 'list': {
      const sections = Array.isArray(raw.sections) ? raw.sections.filter(isObject) : [];
      return {
        kind: 'list',
        body: str(raw.body) ?? '',
        header: str(raw.header),
        footer: str(raw.footer),
        buttonLabel: str(raw.buttonLabel) ?? 'Menu',
        sections: sections.map((section) => ({
          title: str(section.title),
          rows: Array.isArray(section.rows) ? section.rows.map(choice).filter((r) => r !== null) : [],
        })),
      };
    }
    default:
      return unknown();
  }
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

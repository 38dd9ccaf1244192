import type { InboundContent } from './events.ts';

/** Cuts to `max` characters, ending with "…" when something was dropped (WhatsApp rejects longer). */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Splits a long text into chunks of at most `max` characters, preferring word boundaries. */
export function splitText(text: string, max = 4096): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(' ', max);
    const nl = rest.lastIndexOf('\n', max);
    if (nl > cut) cut = nl;
    if (cut <= max / 2) cut = max;
    // Never split a surrogate pair (emoji) in half.
    const code = rest.charCodeAt(cut - 1);
    if (cut === max && code >= 0xd800 && code <= 0xdbff) cut -= 1;
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) chunks.push(rest);
  return chunks;
}

/** What the contact "said", as text: typed text, a tapped title, or nothing for other content. */
export function textOf(content: InboundContent): string | null {
  if (content.kind === 'text') return content.text;
  if (content.kind === 'reply') return content.title;
  return null;
}

const mediaLabels = { image: 'imagem', audio: 'áudio', video: 'vídeo', document: 'documento', sticker: 'figurinha' } as const;

/** A one-line rendering of any inbound content, for history and handoff context. */
export function describeContent(content: InboundContent): string {
  switch (content.kind) {
    case 'text': return content.text;
    case 'reply': return content.title;
    case 'location': return `[localização ${content.latitude}, ${content.longitude}]`;
    case 'media': return content.caption ? `[${mediaLabels[content.media]}] ${content.caption}` : `[${mediaLabels[content.media]}]`;
    case 'contacts': return `[contato ${content.contacts.map((c) => c.name).join(', ')}]`;
    case 'order': return '[pedido do catálogo]';
    case 'reaction': return `[reação ${content.emoji}]`;
    case 'unsupported': return `[${content.type}]`;
  }
}

import type { InboundContent } from './events.ts';

/** What the contact "said", as text: typed text, a tapped title, or nothing for other content. */
export function typedText(content: InboundContent): string | null {
  if (content.kind === 'text') return content.text;
  if (content.kind === 'reply') return content.title;
  return null;
}

const mediaLabels = {
  image: 'imagem',
  audio: 'áudio',
  video: 'vídeo',
  document: 'documento',
  sticker: 'figurinha',
} as const;

/** A one-line rendering of any inbound content, for history and handoff context. */
export function describeContent(content: InboundContent): string {
  switch (content.kind) {
    case 'text':
      return content.text;
    case 'reply':
      return content.title;
    case 'location':
      return `[localização ${content.latitude}, ${content.longitude}]`;
    case 'media':
      return content.caption ? `[${mediaLabels[content.media]}] ${content.caption}` : `[${mediaLabels[content.media]}]`;
    case 'contacts':
      return `[contato ${content.contacts.map((c) => c.name).join(', ')}]`;
    case 'order':
      return '[pedido do catálogo]';
    case 'reaction':
      return `[reação ${content.emoji}]`;
    case 'unsupported':
      return `[${content.type}]`;
  }
}

import type { ListSection } from '../../../shared/messages/outbound.ts';
import type { ConversationMessage } from '../../api/client.ts';
import { useT } from '../../i18n/index.ts';
import { ChatBubble } from '../../simulator/ChatBubble.tsx';
import { toBotMessage } from '../../simulator/messages.ts';
import { RichText } from '../../simulator/RichText.tsx';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const noop = () => undefined;

/** A contact's photo, audio, video or document, served by `GET /api/media/:id` (cookie-authenticated). */
function InboundMedia({ message, kind }: { message: ConversationMessage; kind: string }) {
  const t = useT();
  const caption = str(message.content?.caption);
  if (!message.media) return <p className="muted small">{t('conv.mediaPending')}</p>;
  if (message.media.status === 'failed') return <p className="muted small">{t('conv.mediaUnavailable')}</p>;
  const src = `/api/media/${encodeURIComponent(message.media.id)}`;
  return (
    <>
      {kind === 'image' || kind === 'sticker' ? (
        <img className="chat-media" src={src} alt={caption ?? t('sim.image')} data-testid="conv-image" />
      ) : null}
      {kind === 'audio' ? <audio src={src} controls /> : null}
      {kind === 'video' ? <video className="chat-media" src={src} controls /> : null}
      <a className="chat-document" href={`${src}?download=1`} download data-testid="conv-download">
        {kind === 'document' ? `📄 ${message.media.fileName ?? t('conv.download')}` : `⬇ ${t('conv.download')}`}
      </a>
      {caption ? <RichText text={caption} /> : null}
    </>
  );
}

/** What the contact sent: text, a tapped button or row, a place, a file. */
function Inbound({ message }: { message: ConversationMessage }) {
  const t = useT();
  const content = message.content ?? {};
  switch (content.kind) {
    case 'text':
      return (
        <div className="bubble bot">
          <RichText text={str(content.text) ?? ''} />
        </div>
      );
    case 'reply':
      return (
        <div className="bubble bot conv-reply" data-testid="conv-reply">
          ↩ {str(content.title) ?? ''}
        </div>
      );
    case 'location': {
      const lat = num(content.latitude);
      const lon = num(content.longitude);
      return (
        <div className="bubble bot">
          <strong>📍 {str(content.name) ?? t('conv.location')}</strong>
          {str(content.address) ? <span className="bubble-footer">{str(content.address)}</span> : null}
          {lat !== undefined && lon !== undefined ? (
            <a
              href={`https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`}
              target="_blank"
              rel="noreferrer"
            >
              {t('conv.openMap')}
            </a>
          ) : null}
        </div>
      );
    }
    case 'media':
      return (
        <div className="bubble bot media">
          <InboundMedia message={message} kind={str(content.media) ?? message.type} />
        </div>
      );
    default:
      return (
        <div className="bubble bot">
          {message.text ? (
            <RichText text={message.text} />
          ) : (
            <span className="muted">{t('conv.nonText', { type: message.type })}</span>
          )}
        </div>
      );
  }
}

/** The rows a list offered: WhatsApp shows them in a sheet the contact opens; here they unfold under it. */
function ListRows({ sections }: { sections: ListSection[] }) {
  const t = useT();
  const count = sections.reduce((n, s) => n + s.rows.length, 0);
  return (
    <details className="conv-list-rows" data-testid="conv-list-rows">
      <summary>{t('conv.listRows', { count })}</summary>
      {sections.map((section, i) => (
        <div key={i}>
          {section.title ? <strong className="conv-list-section">{section.title}</strong> : null}
          <ul>
            {section.rows.map((row) => (
              <li key={row.id}>
                {row.title}
                {row.description ? <span className="bubble-footer">{row.description}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </details>
  );
}

/**
 * What we sent, drawn by the simulator's bubble as WhatsApp shows it (buttons, lists, media,
 * templates with the text the contact read); a list also shows the rows it offered.
 */
function Outbound({ message }: { message: ConversationMessage }) {
  const t = useT();
  if (!message.content)
    return (
      <div className="bubble bot">
        {message.text ? <RichText text={message.text} /> : t('conv.nonText', { type: message.type })}
      </div>
    );
  const drawn = toBotMessage(message.content);
  return (
    <>
      <ChatBubble message={drawn} disabled onReply={noop} onOpenList={noop} />
      {drawn.kind === 'list' ? <ListRows sections={drawn.sections} /> : null}
    </>
  );
}

export function MessageBubble({ message }: { message: ConversationMessage }) {
  return message.direction === 'in' ? <Inbound message={message} /> : <Outbound message={message} />;
}

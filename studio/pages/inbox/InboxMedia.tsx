import type { InboxMessage } from '../../api/client.ts';
import { useT } from '../../i18n/index.ts';

/** A photo shown in the bubble, like WhatsApp; any other file as a link to open it. */
export function InboxMedia({ media }: { media: NonNullable<InboxMessage['media']> }) {
  const t = useT();
  if (!media.url) return <p className="inbox-text muted">{t('inbox.media.pending')}</p>;
  if (media.kind === 'image' || media.kind === 'sticker')
    return (
      <a href={media.url} target="_blank" rel="noreferrer" className="inbox-media-link">
        <img className="inbox-media-image" src={media.url} alt={t('inbox.media.photo')} data-testid="inbox-image" />
      </a>
    );
  if (media.kind === 'audio') return <audio src={media.url} controls />;
  if (media.kind === 'video') return <video className="inbox-media-image" src={media.url} controls />;
  const name = media.fileName ?? t('inbox.media.document');
  return (
    <a
      className="inbox-media-file"
      href={media.url}
      target="_blank"
      rel="noreferrer"
      data-testid="inbox-document"
      aria-label={t('inbox.media.open', { name })}
    >
      📄 {name}
    </a>
  );
}

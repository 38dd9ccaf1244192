import type { MediaAttachment } from '../../shared/flow/nodes/message.ts';
import { useT } from '../i18n/index.ts';
import { Icon, type IconName } from './icons.tsx';

const icons: Record<MediaAttachment['kind'], IconName> = {
  image: 'image',
  document: 'file',
  video: 'play',
  audio: 'mic',
};

/**
 * A small picture of the attached media. Only plain http(s) image URLs are loaded (lazily);
 * a templated URL (`{{foto}}`) is known only at run time, so it gets the kind's icon.
 */
export function MediaThumb({ media }: { media: MediaAttachment }) {
  const t = useT();
  const loadable = media.kind === 'image' && /^https?:\/\/[^{}\s]+$/.test(media.url);
  return (
    <div className={`fx-media fx-media--${media.kind}`}>
      {loadable ? (
        <img src={media.url} alt={media.caption ?? ''} loading="lazy" decoding="async" draggable={false} />
      ) : (
        <span className="fx-media__icon">
          <Icon name={icons[media.kind]} size={18} />
        </span>
      )}
      <span className="fx-media__name">{media.filename || media.caption || t(`editor.choice.${media.kind}`)}</span>
    </div>
  );
}

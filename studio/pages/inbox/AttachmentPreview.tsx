import { useEffect, useState } from 'react';
import { mediaSizeLimits, sendableMediaTypes, type SendableMediaType } from '../../../shared/whatsapp-limits.ts';
import type { MessageKey, MessageParams } from '../../i18n/index.ts';
import { useT } from '../../i18n/index.ts';

/** The file picker's filter: what WhatsApp takes. */
export const sendableTypes = Object.keys(sendableMediaTypes).join(',');

/** Why a chosen file cannot go, checked before uploading it (the server checks again). */
export function attachmentProblem(file: File): { key: MessageKey; params?: MessageParams } | null {
  const kind = sendableMediaTypes[file.type as SendableMediaType] as 'image' | 'document' | undefined;
  if (!kind) return { key: 'inbox.media.unsupported' };
  const limit = Math.min(mediaSizeLimits[kind], mediaSizeLimits.upload);
  if (file.size > limit) return { key: 'inbox.media.tooLarge', params: { mb: limit / 1024 / 1024 } };
  return null;
}

/** The chosen file before sending: the photo itself, or the document's name and size. */
export function AttachmentPreview({ file, onRemove }: { file: File; onRemove(): void }) {
  const t = useT();
  const [url, setUrl] = useState<string | null>(null);
  const image = file.type.startsWith('image/');
  useEffect(() => {
    if (!image) return;
    const made = URL.createObjectURL(file);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [file, image]);
  return (
    <div className="inbox-attachment" data-testid="attachment-preview">
      {image && url ? (
        <img src={url} alt={file.name} className="inbox-attachment-image" />
      ) : (
        <span className="inbox-attachment-file">📄 {file.name}</span>
      )}
      <span className="muted small">{Math.max(1, Math.round(file.size / 1024))} KB</span>
      <button type="button" className="button ghost" aria-label={t('inbox.media.remove')} onClick={onRemove}>
        ✕
      </button>
    </div>
  );
}

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { OutboundMessage } from '../../runtime/messages.ts';
import { whatsappLimits } from '../../shared/whatsapp-limits.ts';
import type { UploadedMedia } from '../db/queries/media-files.ts';
import { uploadUrl } from '../media/upload-url.ts';
import { downloadAttachment } from './download-attachment.ts';

export interface ReplyFile {
  dataUrl: string;
  /** Stored as an upload and sent as media; null when it could not be (then its link is sent). */
  file: (UploadedMedia & { sha256: string; bytes: Uint8Array; kind: 'image' | 'document' }) | null;
}

/** Downloads each attachment of a Chatwoot agent's message, one after another. */
export async function downloadAll(fetchFn: typeof fetch, dataUrls: readonly string[]): Promise<ReplyFile[]> {
  const out: ReplyFile[] = [];
  for (const dataUrl of dataUrls) {
    const got = await downloadAttachment(fetchFn, dataUrl);
    out.push({
      dataUrl,
      file: got && {
        id: randomUUID(),
        token: randomBytes(24).toString('base64url'),
        mimeType: got.mimeType,
        fileName: got.fileName,
        size: got.bytes.byteLength,
        sha256: createHash('sha256').update(got.bytes).digest('hex'),
        bytes: got.bytes,
        kind: got.kind,
      },
    });
  }
  return out;
}

/**
 * What a Chatwoot agent's message becomes on WhatsApp: each file as media (the text as the
 * first one's caption), files WhatsApp would not take as links in the text, or the text alone.
 */
export function chatwootReply(
  text: string,
  dataUrls: readonly string[],
  files: readonly ReplyFile[],
  publicBase: string,
): OutboundMessage[] {
  // Outside the window nothing was downloaded: the reply is recorded as it was written.
  if (!files.length) return [{ kind: 'text', text: [text, ...dataUrls].filter(Boolean).join('\n') }];
  const links = files.filter((f) => !f.file).map((f) => f.dataUrl);
  const media: OutboundMessage[] = files.flatMap((f) =>
    f.file
      ? [
          {
            kind: 'media' as const,
            media: f.file.kind,
            url: uploadUrl(publicBase, f.file.token, f.file.fileName),
            ...(f.file.kind === 'document' ? { filename: f.file.fileName } : {}),
          },
        ]
      : [],
  );
  const first = media[0];
  if (first?.kind === 'media' && text && text.length <= whatsappLimits.caption && !links.length) {
    media[0] = { ...first, caption: text };
    return media;
  }
  const rest = [text, ...links].filter(Boolean).join('\n');
  return rest ? [...media, { kind: 'text', text: rest }] : media;
}

import { mediaSizeLimits, sendableMediaTypes } from '../../shared/whatsapp-limits.ts';
import { sniffMediaType } from '../media/sniff-type.ts';

export interface DownloadedAttachment {
  kind: 'image' | 'document';
  mimeType: string;
  fileName: string;
  bytes: Uint8Array;
}

/**
 * Downloads a file an agent attached in Chatwoot (its `data_url`, which redirects to the
 * storage) to send it to WhatsApp as our own upload. Null when it cannot go as WhatsApp media
 * (another type, too large, unreachable): the caller sends its link instead.
 */
export async function downloadAttachment(
  fetchFn: typeof fetch,
  dataUrl: string,
  timeoutMs = 4000,
): Promise<DownloadedAttachment | null> {
  try {
    const res = await fetchFn(dataUrl, { redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return null;
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > mediaSizeLimits.upload) return null;
    const bytes = new Uint8Array(await res.arrayBuffer());
    const mimeType = sniffMediaType(res.headers.get('content-type') ?? '', bytes);
    if (!mimeType) return null;
    const kind = sendableMediaTypes[mimeType];
    if (bytes.byteLength > Math.min(mediaSizeLimits[kind], mediaSizeLimits.upload)) return null;
    const last = decodeURIComponent(new URL(res.url || dataUrl).pathname.split('/').pop() ?? '');
    const fileName = last.replace(/[\u0000-\u001f"\\/]/g, '').slice(0, 200) || `arquivo.${mimeType.split('/')[1]}`;
    return { kind, mimeType, fileName, bytes };
  } catch {
    return null;
  }
}

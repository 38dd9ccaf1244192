import type { StepContext } from '../context.ts';
import type { InboundContent } from '../events.ts';
import type { MediaFile } from '../ports.ts';
import { transcribeVoice } from './transcribe-voice.ts';

export interface ContactMedia {
  /** A voice note's transcription, to use as what the contact said. */
  text: string | null;
  /** A picture for a vision-capable model, sent as an image part. */
  image: MediaFile | null;
}

const nothing: ContactMedia = { text: null, image: null };

/**
 * A picture or voice note for an AI block that accepts them: the picture's bytes when the
 * provider's models see (its vision flag), the voice note's text when it transcribes. Anything
 * else, or any failure, is nothing: the block reads the message as it did without media.
 */
export async function readContactMedia(
  ctx: StepContext,
  provider: string,
  content: InboundContent,
  allow: { images: boolean; audio: boolean },
): Promise<ContactMedia> {
  if (content.kind !== 'media') return nothing;
  if (content.media === 'audio' && allow.audio)
    return { text: await transcribeVoice(ctx, provider, content), image: null };
  const { media, aiMedia } = ctx.ports;
  if (content.media !== 'image' || !allow.images || !media || !aiMedia) return nothing;
  try {
    if (!(await aiMedia(provider)).vision) return nothing;
    const image = await media({ mediaId: content.mediaId, url: content.url, mimeType: content.mimeType });
    return { text: null, image };
  } catch {
    return nothing;
  }
}

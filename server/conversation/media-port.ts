import type { MediaFile, MediaRef } from '../../runtime/ports.ts';
import type { ChannelInfo } from '../channels/channel-directory.ts';
import type { GraphClient } from '../whatsapp/graph-client.ts';

/** OpenAI's ceiling for a file to transcribe; pictures are far smaller. */
const maxBytes = 25 * 1024 * 1024;

/**
 * The engine's media port for one channel: a file a contact sent, fetched from Graph with the
 * channel's token when a block needs it now (the background media fetcher, which keeps a copy
 * for the inbox, may not have run yet). Null when Graph refuses or the file is too big.
 */
export function channelMedia(graph: GraphClient, channel: ChannelInfo) {
  return async (ref: MediaRef): Promise<MediaFile | null> => {
    if (!ref.mediaId) return null;
    try {
      const info = await graph.getMedia(ref.mediaId, channel.accessToken);
      const bytes = await graph.downloadMedia(info.url, channel.accessToken, maxBytes);
      return { bytes, mimeType: info.mimeType || ref.mimeType || 'application/octet-stream' };
    } catch {
      return null;
    }
  };
}

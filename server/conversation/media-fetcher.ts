import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import type { ChannelDirectory } from '../channels/channel-directory.ts';
import { GraphApiError, type GraphClient } from '../whatsapp/graph-client.ts';

/** Inbound message types whose file is downloaded and kept. */
export const mediaMessageTypes = ['image', 'audio', 'video', 'document', 'sticker'] as const;

/** WhatsApp's own ceiling for documents; other media types are smaller. */
const maxMediaBytes = 100 * 1024 * 1024;

/**
 * Downloads media of inbound messages that have none stored yet: a scan, not a queue, so a
 * crash or restart simply picks up what is missing. Transient Graph errors are left for
 * the next pass; permanent ones are recorded so the inbox can say why.
 */
export async function fetchMissingMedia(o: {
  db: Db;
  graph: GraphClient;
  channels: ChannelDirectory;
  logger: Logger;
  limit: number;
}): Promise<number> {
  const rows = await sql<{ id: string; channel_id: string; media_id: string | null }>`
    select m.id, m.channel_id, m.payload->'content'->>'mediaId' as media_id
    from messages m left join media_files f on f.message_id = m.id
    where m.direction = 'in' and m.type in ('image','audio','video','document','sticker')
      and f.id is null and m.created_at > now() - interval '7 days'
    order by m.created_at limit ${o.limit}
  `.execute(o.db);
  let stored = 0;
  for (const row of rows.rows) {
    const channel = await o.channels.byId(row.channel_id);
    if (!channel) continue;
    try {
      if (!row.media_id) throw new Error('the webhook carried no media id');
      const info = await o.graph.getMedia(row.media_id, channel.accessToken);
      const bytes = await o.graph.downloadMedia(info.url, channel.accessToken, maxMediaBytes);
      await o.db
        .insertInto('media_files')
        .values({
          id: randomUUID(),
          message_id: row.id,
          status: 'stored',
          mime_type: info.mimeType,
          size: bytes.byteLength,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          bytes,
        })
        .onConflict((oc) => oc.column('message_id').doNothing())
        .execute();
      stored += 1;
    } catch (err) {
      const transient = err instanceof GraphApiError && (err.error.kind === 'retry' || err.error.kind === 'rate_limit');
      o.logger.warn('media download failed', { messageId: row.id, transient, err });
      if (!transient) {
        await o.db
          .insertInto('media_files')
          .values({
            id: randomUUID(),
            message_id: row.id,
            status: 'failed',
            error: err instanceof Error ? err.message : String(err),
          })
          .onConflict((oc) => oc.column('message_id').doNothing())
          .execute();
      }
    }
  }
  return stored;
}

import type { SyncTemplatesResult } from '../../shared/api/message-templates.ts';
import type { Executor } from '../db/database.ts';
import { replaceChannelTemplates } from '../db/queries/message-templates.ts';
import { fetchTemplates, type GraphEndpoint } from './graph-templates.ts';

export interface SyncDeps {
  db: Executor;
  graph: GraphEndpoint;
  openSecret: (sealed: string) => string;
  now: () => Date;
}

/**
 * Syncs the catalogue of each channel (or of one) from Meta. A channel without a WABA id, or
 * whose sync Meta refuses, is reported and left as it was; the others still sync.
 */
export async function syncTemplates(deps: SyncDeps, channelId?: string): Promise<SyncTemplatesResult> {
  let q = deps.db.selectFrom('channels').select(['id', 'waba_id', 'access_token_enc']).orderBy('created_at');
  if (channelId) q = q.where('id', '=', channelId);
  const channels = await q.execute();
  const result: SyncTemplatesResult = { channels: [] };
  for (const ch of channels) {
    if (!ch.waba_id) {
      result.channels.push({
        channelId: ch.id,
        synced: null,
        error: 'O canal não tem o ID da conta do WhatsApp (WABA).',
      });
      continue;
    }
    const fetched = await fetchTemplates(deps.graph, ch.waba_id, deps.openSecret(ch.access_token_enc));
    if (!fetched.ok) {
      result.channels.push({ channelId: ch.id, synced: null, error: fetched.error });
      continue;
    }
    await replaceChannelTemplates(deps.db, { id: ch.id, wabaId: ch.waba_id }, fetched.templates, deps.now());
    result.channels.push({ channelId: ch.id, synced: fetched.templates.length, error: null });
  }
  return result;
}

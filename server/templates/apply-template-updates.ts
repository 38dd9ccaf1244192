import type { AppDeps } from '../context.ts';
import { updateTemplateByMetaId } from '../db/queries/message-templates.ts';
import type { TemplateUpdate } from '../whatsapp/template-updates.ts';

/**
 * Applies template webhooks to the stored catalogue. Never fails the delivery: messages in
 * the same delivery matter more, and a missed update is corrected by the next sync.
 */
export async function applyTemplateUpdates(
  { db, clock, logger }: Pick<AppDeps, 'db' | 'clock' | 'logger'>,
  updates: TemplateUpdate[],
): Promise<void> {
  for (const u of updates) {
    try {
      const { wabaId, metaId, ...change } = u;
      const count = await updateTemplateByMetaId(db, wabaId, metaId, change, clock.now());
      if (count === 0) logger.info('webhook: update for a template not synced yet', { wabaId, metaId });
    } catch (err) {
      logger.warn('webhook: could not apply a template update', { err, wabaId: u.wabaId, metaId: u.metaId });
    }
  }
}

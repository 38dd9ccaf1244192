import { randomUUID } from 'node:crypto';
import type { Executor } from '../database.ts';

/**
 * Tells the contact's session its handoff was resolved, through the same per-contact queue as
 * messages so it cannot race with what the contact is sending. Once per handoff (keyed).
 */
export async function queueHandoffResolved(db: Executor, handoffId: string, contactId: string, now: Date): Promise<void> {
  await db.insertInto('scheduled_jobs').values({
    id: randomUUID(), kind: 'handoff_resolved', key: `handoff:${handoffId}`, contact_id: contactId, run_at: now, payload: '{}', status: 'pending',
  }).onConflict((oc) => oc.column('key').doNothing()).execute();
}

import { randomUUID } from 'node:crypto';
import type { FlowStartPayload } from '../../conversation/stored-json.ts';
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

/**
 * Starts a flow for a contact through the same per-contact queue as messages: a campaign's
 * flow, or the flow a `goto` block moves the contact to. The processor runs it as a `start`
 * event (run-contact.ts), ending whatever session was live. Once per key.
 */
export async function queueFlowStart(
  db: Executor, input: { key: string; contactId: string; start: FlowStartPayload }, runAt: Date,
): Promise<void> {
  await db.insertInto('scheduled_jobs').values({
    id: randomUUID(), kind: 'flow_start', key: input.key, contact_id: input.contactId, run_at: runAt,
    payload: JSON.stringify(input.start), status: 'pending',
  }).onConflict((oc) => oc.column('key').doNothing()).execute();
}

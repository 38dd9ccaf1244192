import { randomUUID } from 'node:crypto';
import type { FlowStartPayload } from '../../conversation/stored-json.ts';
import type { Executor } from '../database.ts';

/**
 * Tells the contact's session its handoff was resolved, through the same per-contact queue as
 * messages so it cannot race with what the contact is sending. Once per handoff (keyed).
 */
export async function queueHandoffResolved(
  db: Executor,
  handoffId: string,
  contactId: string,
  now: Date,
): Promise<void> {
  await db
    .insertInto('scheduled_jobs')
    .values({
      id: randomUUID(),
      kind: 'handoff_resolved',
      key: `handoff:${handoffId}`,
      contact_id: contactId,
      run_at: now,
      payload: '{}',
      status: 'pending',
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

/**
 * Takes this run of an installation-wide job (no contact), so that of several instances only one
 * runs it: the first to move `run_at` past `now` wins. The job's row is created, due at once, on
 * first use. False when it is not due yet or another instance took it.
 */
export async function claimInstallationJob(db: Executor, key: string, now: Date, nextRunAt: Date): Promise<boolean> {
  await db
    .insertInto('scheduled_jobs')
    .values({
      id: randomUUID(),
      kind: key,
      key,
      contact_id: null,
      run_at: now,
      payload: '{}',
      status: 'pending',
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const claimed = await db
    .updateTable('scheduled_jobs')
    .set((eb) => ({ run_at: nextRunAt, attempts: eb('attempts', '+', 1) }))
    .where('key', '=', key)
    .where('run_at', '<=', now)
    .returning('id')
    .executeTakeFirst();
  return claimed !== undefined;
}

/**
 * Starts a flow for a contact through the same per-contact queue as messages: a campaign's
 * flow, or the flow a `goto` block moves the contact to. The processor runs it as a `start`
 * event (run-contact.ts), ending whatever session was live. Once per key.
 */
export async function queueFlowStart(
  db: Executor,
  input: { key: string; contactId: string; start: FlowStartPayload },
  runAt: Date,
): Promise<void> {
  await db
    .insertInto('scheduled_jobs')
    .values({
      id: randomUUID(),
      kind: 'flow_start',
      key: input.key,
      contact_id: input.contactId,
      run_at: runAt,
      payload: JSON.stringify(input.start),
      status: 'pending',
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

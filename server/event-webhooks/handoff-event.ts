import type { Executor } from '../db/database.ts';
import { emitEvent } from './emit-event.ts';

/**
 * `handoff.assigned` / `handoff.resolved` for a handoff just changed in the caller's
 * transaction: one line where the inbox (or the Chatwoot bridge) changes a handoff.
 */
export async function emitHandoffEvent(
  tx: Executor,
  type: 'handoff.assigned' | 'handoff.resolved',
  handoffId: string,
  now: Date,
): Promise<void> {
  const h = await tx
    .selectFrom('handoffs')
    .select(['contact_id', 'assigned_user_id', 'team', 'status'])
    .where('id', '=', handoffId)
    .executeTakeFirst();
  if (!h) return;
  await emitEvent(
    tx,
    {
      type,
      contactId: h.contact_id,
      data: { handoffId, contactId: h.contact_id, assignedUserId: h.assigned_user_id, team: h.team, status: h.status },
    },
    now,
  );
}

import type { Executor } from '../database.ts';

/** Who holds each claimed handoff of the contact (one per assignee row; usually none or one). */
export async function claimedAssignees(db: Executor, contactId: string): Promise<(string | null)[]> {
  const rows = await db.selectFrom('handoffs').select('assigned_user_id')
    .where('contact_id', '=', contactId).where('status', '=', 'claimed').execute();
  return rows.map((r) => r.assigned_user_id);
}

import type { Executor } from '../database.ts';

/** Who holds each claimed handoff of the contact (one per assignee row; usually none or one). */
export async function claimedAssignees(db: Executor, contactId: string): Promise<(string | null)[]> {
  const rows = await db
    .selectFrom('handoffs')
    .select('assigned_user_id')
    .where('contact_id', '=', contactId)
    .where('status', '=', 'claimed')
    .execute();
  return rows.map((r) => r.assigned_user_id);
}

export type HandoffStatus = 'open' | 'claimed' | 'resolved';

/**
 * Handoffs with their contact, oldest first (at most 500). `visibleTo`: only the unassigned ones
 * and those of this user (null: only the unassigned).
 */
export async function findHandoffs(
  db: Executor,
  filter: { id?: string; statuses?: HandoffStatus[]; visibleTo?: string | null },
) {
  let q = db
    .selectFrom('handoffs')
    .innerJoin('contacts', 'contacts.id', 'handoffs.contact_id')
    .select([
      'handoffs.id',
      'handoffs.status',
      'handoffs.team',
      'handoffs.note',
      'handoffs.context',
      'handoffs.assigned_user_id',
      'handoffs.created_at',
      'handoffs.contact_id',
      'contacts.name',
      'contacts.wa_id',
      'contacts.last_inbound_at',
    ])
    .orderBy('handoffs.created_at');
  if (filter.id) q = q.where('handoffs.id', '=', filter.id);
  if (filter.statuses) q = q.where('handoffs.status', 'in', filter.statuses);
  const visibleTo = filter.visibleTo;
  if (visibleTo !== undefined) {
    q = q.where((eb) =>
      visibleTo === null
        ? eb('handoffs.assigned_user_id', 'is', null)
        : eb.or([eb('handoffs.assigned_user_id', 'is', null), eb('handoffs.assigned_user_id', '=', visibleTo)]),
    );
  }
  return q.limit(500).execute();
}

/**
 * Claims the handoff for the user in one statement, so of two agents claiming at once the loser
 * matches no row. True when claimed (or already theirs); false when resolved, held by someone else, or gone.
 */
export async function claimHandoff(db: Executor, id: string, userId: string, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('handoffs')
    .set({ status: 'claimed', assigned_user_id: userId, claimed_at: now })
    .where('id', '=', id)
    .where('status', '<>', 'resolved')
    .where((eb) => eb.or([eb('assigned_user_id', 'is', null), eb('assigned_user_id', '=', userId)]))
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Resolves an unresolved handoff; with `onlyFor`, only one unassigned or held by that user (in
 * the same statement, so a claim by someone else just before cannot slip through). Its contact
 * when resolved, undefined otherwise.
 */
export async function resolveHandoff(
  db: Executor,
  id: string,
  now: Date,
  onlyFor?: string | null,
): Promise<{ contact_id: string } | undefined> {
  let update = db
    .updateTable('handoffs')
    .set({ status: 'resolved', resolved_at: now })
    .where('id', '=', id)
    .where('status', '<>', 'resolved');
  if (onlyFor !== undefined) {
    update = update.where((eb) => eb.or([eb('assigned_user_id', 'is', null), eb('assigned_user_id', '=', onlyFor)]));
  }
  return update.returning(['contact_id']).executeTakeFirst();
}

/** Gives an unresolved handoff to a user, or back to the queue (`null`). False when resolved or gone. */
export async function assignHandoff(db: Executor, id: string, userId: string | null, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('handoffs')
    .set(
      userId === null
        ? { status: 'open', assigned_user_id: null, claimed_at: null }
        : { status: 'claimed', assigned_user_id: userId, claimed_at: now },
    )
    .where('id', '=', id)
    .where('status', '<>', 'resolved')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

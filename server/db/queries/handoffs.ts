import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
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
 * Handoffs with their contact and team (if one by that name exists), highest priority then oldest
 * first (at most 500). `visibleTo`: only those of this user, plus the unassigned ones of their
 * teams and of no team at all (null: only the unassigned).
 */
export async function findHandoffs(
  db: Executor,
  filter: { id?: string; statuses?: HandoffStatus[]; visibleTo?: string | null },
) {
  let q = db
    .selectFrom('handoffs')
    .innerJoin('contacts', 'contacts.id', 'handoffs.contact_id')
    .leftJoin('teams', (j) => j.on(sql`lower(teams.name)`, '=', sql`lower(handoffs.team)`))
    .select([
      'teams.id as team_id',
      'teams.sla_seconds',
      'handoffs.priority',
      'handoffs.first_reply_at',
      'handoffs.sla_breached_at',
      'handoffs.resolved_at',
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
    .orderBy('handoffs.priority', 'desc')
    .orderBy('handoffs.created_at');
  if (filter.id) q = q.where('handoffs.id', '=', filter.id);
  if (filter.statuses) q = q.where('handoffs.status', 'in', filter.statuses);
  const visibleTo = filter.visibleTo;
  if (visibleTo !== undefined) {
    q = q.where((eb) => {
      const unassigned = eb('handoffs.assigned_user_id', 'is', null);
      if (visibleTo === null) return unassigned;
      // A team nobody created routes nowhere: its queue stays open to the whole floor.
      const ofMyTeams = eb.or([
        eb('teams.id', 'is', null),
        eb.exists(
          eb
            .selectFrom('team_members')
            .select('team_members.user_id')
            .whereRef('team_members.team_id', '=', 'teams.id')
            .where('team_members.user_id', '=', visibleTo),
        ),
      ]);
      return eb.or([eb.and([unassigned, ofMyTeams]), eb('handoffs.assigned_user_id', '=', visibleTo)]);
    });
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

/** Moves an unresolved handoff to another team's queue (unassigned); the router takes it from there. */
export async function moveToTeam(db: Executor, id: string, team: string): Promise<boolean> {
  const row = await db
    .updateTable('handoffs')
    .set({ team, status: 'open', assigned_user_id: null, claimed_at: null })
    .where('id', '=', id)
    .where('status', '<>', 'resolved')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Opens a resolved handoff again, back in its team's queue. False when it is not resolved, or the
 * contact has another unresolved one (one at a time per contact).
 */
export async function reopenHandoff(db: Executor, id: string): Promise<{ contact_id: string } | undefined> {
  const current = await db
    .selectFrom('handoffs')
    .select(['contact_id', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!current || current.status !== 'resolved') return undefined;
  const other = await db
    .selectFrom('handoffs')
    .select('id')
    .where('contact_id', '=', current.contact_id)
    .where('status', '<>', 'resolved')
    .executeTakeFirst();
  if (other) return undefined;
  return db
    .updateTable('handoffs')
    .set({ status: 'open', assigned_user_id: null, claimed_at: null, resolved_at: null, sla_breached_at: null })
    .where('id', '=', id)
    .where('status', '=', 'resolved')
    .returning('contact_id')
    .executeTakeFirst();
}

export async function insertHandoffNote(
  db: Executor,
  note: { handoffId: string; userId: string | null; kind: 'note' | 'transfer' | 'reopen'; text: string; now: Date },
): Promise<void> {
  await db
    .insertInto('handoff_notes')
    .values({
      id: randomUUID(),
      handoff_id: note.handoffId,
      user_id: note.userId,
      kind: note.kind,
      text: note.text,
      created_at: note.now,
    })
    .execute();
}

/** Internal notes and transfers of a handoff, oldest first, with their authors' names. */
export async function handoffNotes(db: Executor, handoffId: string) {
  return db
    .selectFrom('handoff_notes')
    .leftJoin('users', 'users.id', 'handoff_notes.user_id')
    .select([
      'handoff_notes.id',
      'handoff_notes.kind',
      'handoff_notes.text',
      'handoff_notes.created_at',
      'handoff_notes.user_id',
      'users.name as user_name',
      'users.email as user_email',
    ])
    .where('handoff_notes.handoff_id', '=', handoffId)
    .orderBy('handoff_notes.created_at')
    .orderBy('handoff_notes.id')
    .execute();
}

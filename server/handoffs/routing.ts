import { emitHandoffEvent } from '../event-webhooks/handoff-event.ts';
import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.ts';

/** A queued handoff given to an agent by the router. */
export interface Assignment {
  handoffId: string;
  contactId: string;
  userId: string;
}

/**
 * One key for every instance: routing reads loads and writes assignments, so two routers running
 * at once (two instances, or a presence change racing a new handoff) would both see the same free
 * slot. The transaction-scoped advisory lock makes them take turns; it is released at commit.
 */
const routingLockKey = 719_001;

/**
 * Gives queued handoffs (open, unassigned, of a team that exists) to agents, highest priority and
 * oldest first: each to the online member of its team with the fewest claimed conversations under
 * their capacity, ties to whoever got one longest ago. Handoffs nobody can take stay queued until
 * the next call (someone comes online, frees a slot, raises their capacity, a new handoff opens).
 * Must run inside a transaction: the assignments commit with the caller's change, or not at all.
 */
export async function routeQueuedHandoffs(tx: Tx, now: Date): Promise<Assignment[]> {
  await sql`select pg_advisory_xact_lock(${routingLockKey})`.execute(tx);
  const queued = await tx
    .selectFrom('handoffs')
    .innerJoin('teams', (j) => j.on(sql`lower(teams.name)`, '=', sql`lower(handoffs.team)`))
    .select(['handoffs.id', 'handoffs.contact_id', 'teams.id as team_id'])
    .where('handoffs.status', '=', 'open')
    .where('handoffs.assigned_user_id', 'is', null)
    .orderBy('handoffs.priority', 'desc')
    .orderBy('handoffs.created_at')
    .orderBy('handoffs.id')
    .limit(500)
    .execute();
  const assignments: Assignment[] = [];
  for (const h of queued) {
    const agent = await leastLoadedAvailable(tx, h.team_id);
    if (!agent) continue;
    await tx
      .updateTable('handoffs')
      .set({ status: 'claimed', assigned_user_id: agent, claimed_at: now })
      .where('id', '=', h.id)
      .execute();
    await tx.updateTable('agent_presence').set({ last_assigned_at: now }).where('user_id', '=', agent).execute();
    // Integrations hear it in the same transaction (event webhooks, Chatwoot).
    await emitHandoffEvent(tx, 'handoff.assigned', h.id, now);
    assignments.push({ handoffId: h.id, contactId: h.contact_id, userId: agent });
  }
  return assignments;
}

/** The same in a transaction of its own, for callers whose change already committed. */
export function routeQueued(db: Db, now: Date): Promise<Assignment[]> {
  return db.transaction().execute((tx) => routeQueuedHandoffs(tx, now));
}

/** Conversations an agent holds now, across all their teams. */
function loadOf(userIdColumn: string) {
  return sql<number>`(select count(*)::int from handoffs h
    where h.assigned_user_id = ${sql.ref(userIdColumn)} and h.status = 'claimed')`;
}

async function leastLoadedAvailable(tx: Tx, teamId: string): Promise<string | undefined> {
  const load = loadOf('team_members.user_id');
  const row = await tx
    .selectFrom('team_members')
    .innerJoin('agent_presence', 'agent_presence.user_id', 'team_members.user_id')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .select('team_members.user_id')
    .where('team_members.team_id', '=', teamId)
    .where('users.disabled', '=', false)
    // Editors have no inbox: one in a team by mistake must not be given conversations.
    .where('users.role', '<>', 'editor')
    .where('agent_presence.status', '=', 'online')
    .where(sql<boolean>`${load} < agent_presence.capacity`)
    .orderBy(load)
    .orderBy(sql`agent_presence.last_assigned_at asc nulls first`)
    .orderBy('team_members.user_id')
    .limit(1)
    .executeTakeFirst();
  return row?.user_id;
}

import { sql } from 'kysely';
import type { StudioEvent } from '../../shared/api/events.ts';
import type { Executor } from '../db/database.ts';

/**
 * Who, among agents, may hear an event: the conversation's handoff decides. Null means every
 * agent (no handoff in play: the conversation is on everyone's Conversas page).
 */
export interface Audience {
  assignedUserId: string | null;
  /** Members of the handoff's team; null when the block named no existing team (the whole floor's queue). */
  teamMemberIds: string[] | null;
}

/**
 * The handoff an event is about: the one it names, else the contact's unresolved one. Looked up
 * once per event however many streams are open (the caller keeps the promise per event).
 */
export async function audienceOf(db: Executor, event: StudioEvent): Promise<Audience | null> {
  if (event.handoffId === undefined && event.conversationId === undefined) return null;
  let q = db
    .selectFrom('handoffs')
    .leftJoin('teams', (j) => j.on(sql`lower(teams.name)`, '=', sql`lower(handoffs.team)`))
    .select(['handoffs.assigned_user_id', 'teams.id as team_id']);
  if (event.handoffId !== undefined) q = q.where('handoffs.id', '=', event.handoffId);
  else if (event.conversationId !== undefined)
    q = q.where('handoffs.contact_id', '=', event.conversationId).where('handoffs.status', '<>', 'resolved');
  const handoff = await q.orderBy('handoffs.created_at', 'desc').limit(1).executeTakeFirst();
  if (!handoff) return null;
  let teamMemberIds: string[] | null = null;
  if (handoff.team_id !== null) {
    const members = await db
      .selectFrom('team_members')
      .select('user_id')
      .where('team_id', '=', handoff.team_id)
      .execute();
    teamMemberIds = members.map((m) => m.user_id);
  }
  return { assignedUserId: handoff.assigned_user_id, teamMemberIds };
}

const inTeam = (audience: Audience, userId: string | null) =>
  audience.teamMemberIds === null || (userId !== null && audience.teamMemberIds.includes(userId));

/**
 * An agent hears what they may open: their own conversations and their teams' unassigned queue
 * (as `GET /api/handoffs` lists). Changes of a handoff's state also reach its team's members, so
 * a conversation someone else took leaves their queue at once; its messages do not.
 */
export function agentHears(userId: string | null, event: StudioEvent, audience: Audience | null): boolean {
  if (audience === null) return true;
  if (userId !== null && (event.userId === userId || audience.assignedUserId === userId)) return true;
  if (event.type.startsWith('handoff.')) return inTeam(audience, userId);
  return audience.assignedUserId === null && inTeam(audience, userId);
}

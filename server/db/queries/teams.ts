import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../database.ts';
import type { PresenceStatus } from '../tables.ts';

export interface TeamInput {
  name: string;
  slaSeconds: number;
  memberIds: string[];
  cannedReplies: { title: string; text: string }[];
}

/** Every team with its members and canned replies, by name. */
export async function listTeams(db: Executor, onlyIds?: string[]) {
  if (onlyIds && onlyIds.length === 0) return [];
  let q = db.selectFrom('teams').selectAll().orderBy('name');
  if (onlyIds) q = q.where('id', 'in', onlyIds);
  const teams = await q.execute();
  if (!teams.length) return [];
  const ids = teams.map((t) => t.id);
  const members = await db.selectFrom('team_members').selectAll().where('team_id', 'in', ids).execute();
  const replies = await db
    .selectFrom('canned_replies')
    .selectAll()
    .where('team_id', 'in', ids)
    .orderBy('title')
    .orderBy('id')
    .execute();
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    slaSeconds: t.sla_seconds,
    memberIds: members.filter((m) => m.team_id === t.id).map((m) => m.user_id),
    cannedReplies: replies.filter((r) => r.team_id === t.id).map((r) => ({ id: r.id, title: r.title, text: r.text })),
  }));
}

export async function findTeamByName(db: Executor, name: string) {
  return db
    .selectFrom('teams')
    .selectAll()
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
}

/** Ids of the teams the user belongs to. */
export async function teamIdsOf(db: Executor, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('team_members').select('team_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.team_id);
}

export async function insertTeam(db: Executor, input: TeamInput): Promise<string> {
  const id = randomUUID();
  await db.insertInto('teams').values({ id, name: input.name, sla_seconds: input.slaSeconds }).execute();
  await replaceMembers(db, id, input.memberIds);
  await replaceCannedReplies(db, id, input.cannedReplies);
  return id;
}

export async function updateTeam(db: Executor, id: string, patch: Partial<TeamInput>): Promise<void> {
  if (patch.name !== undefined || patch.slaSeconds !== undefined) {
    await db
      .updateTable('teams')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.slaSeconds !== undefined ? { sla_seconds: patch.slaSeconds } : {}),
      })
      .where('id', '=', id)
      .execute();
  }
  if (patch.memberIds) await replaceMembers(db, id, patch.memberIds);
  if (patch.cannedReplies) await replaceCannedReplies(db, id, patch.cannedReplies);
}

async function replaceMembers(db: Executor, teamId: string, userIds: string[]): Promise<void> {
  await db.deleteFrom('team_members').where('team_id', '=', teamId).execute();
  const unique = [...new Set(userIds)];
  if (unique.length)
    await db
      .insertInto('team_members')
      .values(unique.map((user_id) => ({ team_id: teamId, user_id })))
      .execute();
}

async function replaceCannedReplies(
  db: Executor,
  teamId: string,
  replies: { title: string; text: string }[],
): Promise<void> {
  await db.deleteFrom('canned_replies').where('team_id', '=', teamId).execute();
  if (replies.length)
    await db
      .insertInto('canned_replies')
      .values(replies.map((r) => ({ id: randomUUID(), team_id: teamId, title: r.title, text: r.text })))
      .execute();
}

export async function findPresence(db: Executor, userId: string) {
  return db.selectFrom('agent_presence').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Sets the caller's presence (and capacity); any call counts as a sign of life. */
export async function upsertPresence(
  db: Executor,
  userId: string,
  change: { status: PresenceStatus; capacity?: number },
  now: Date,
): Promise<void> {
  await db
    .insertInto('agent_presence')
    .values({
      user_id: userId,
      status: change.status,
      ...(change.capacity !== undefined ? { capacity: change.capacity } : {}),
      last_active_at: now,
    })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({
        status: change.status,
        ...(change.capacity !== undefined ? { capacity: change.capacity } : {}),
        last_active_at: now,
      }),
    )
    .execute();
}

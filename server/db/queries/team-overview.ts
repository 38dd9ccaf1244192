import { sql } from 'kysely';
import type { Executor } from '../database.ts';

/** Active people with an inbox, with their presence, teams and the conversations they hold. */
export async function listInboxAgents(db: Executor) {
  const users = await db
    .selectFrom('users')
    .leftJoin('agent_presence', 'agent_presence.user_id', 'users.id')
    .select([
      'users.id',
      'users.name',
      'users.email',
      'users.role',
      'agent_presence.status',
      'agent_presence.capacity',
      'agent_presence.last_active_at',
      sql<number>`(select count(*)::int from handoffs h
        where h.assigned_user_id = users.id and h.status = 'claimed')`.as('open_count'),
    ])
    .where('users.disabled', '=', false)
    .where('users.role', '<>', 'editor')
    .orderBy('users.name')
    .orderBy('users.email')
    .execute();
  const members = await db.selectFrom('team_members').selectAll().execute();
  return users.map((u) => ({
    id: u.id,
    name: u.name || u.email,
    role: u.role as 'admin' | 'supervisor' | 'agent',
    status: u.status ?? 'offline',
    capacity: u.capacity ?? 5,
    openCount: u.open_count,
    teamIds: members.filter((m) => m.user_id === u.id).map((m) => m.team_id),
    lastActiveAt: u.last_active_at ? new Date(u.last_active_at).toISOString() : null,
  }));
}

/** Every team's queue (also empty ones), plus queues of team names no team matches. */
export async function listTeamQueues(db: Executor) {
  const rows = await db
    .selectFrom('handoffs')
    .leftJoin('teams', (j) => j.on(sql`lower(teams.name)`, '=', sql`lower(handoffs.team)`))
    .select([
      'teams.id as team_id',
      sql<string>`coalesce(teams.name, handoffs.team)`.as('team'),
      sql<number>`count(*) filter (where handoffs.status = 'open' and handoffs.assigned_user_id is null)::int`.as(
        'waiting',
      ),
      sql<Date | null>`min(handoffs.created_at) filter (where handoffs.status = 'open' and handoffs.assigned_user_id is null)`.as(
        'oldest',
      ),
      sql<number>`count(*) filter (where handoffs.status = 'claimed')::int`.as('claimed'),
      sql<number>`count(*) filter (where handoffs.sla_breached_at is not null)::int`.as('breached'),
    ])
    .where('handoffs.status', '<>', 'resolved')
    .groupBy(['teams.id', sql`coalesce(teams.name, handoffs.team)`])
    .execute();
  const teams = await db.selectFrom('teams').select(['id', 'name', 'sla_seconds']).orderBy('name').execute();
  const queues = teams.map((team) => {
    const row = rows.find((r) => r.team_id === team.id);
    return {
      teamId: team.id,
      team: team.name,
      slaSeconds: team.sla_seconds,
      waiting: row?.waiting ?? 0,
      oldestWaitingSince: row?.oldest ? new Date(row.oldest).toISOString() : null,
      claimed: row?.claimed ?? 0,
      breached: row?.breached ?? 0,
    };
  });
  const orphans = rows
    .filter((r) => r.team_id === null)
    .map((r) => ({
      teamId: null,
      team: r.team,
      slaSeconds: null,
      waiting: r.waiting,
      oldestWaitingSince: r.oldest ? new Date(r.oldest).toISOString() : null,
      claimed: r.claimed,
      breached: r.breached,
    }));
  return [...queues, ...orphans];
}

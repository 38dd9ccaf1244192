import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

/** Presence turns from online to away after this long without a sign of life from the studio. */
export const awayAfterMs = 10 * 60_000;

/**
 * Marks unresolved handoffs whose team's first-reply SLA ran out with no human reply yet, once
 * each (the mark is the "already alerted" flag, so instances sweeping at once alert once).
 * Returns the newly breached ones, for the alert.
 */
export async function markSlaBreaches(db: Executor, now: Date): Promise<{ id: string; contact_id: string }[]> {
  return db
    .updateTable('handoffs')
    .set({ sla_breached_at: now })
    .where('status', '<>', 'resolved')
    .where('first_reply_at', 'is', null)
    .where('sla_breached_at', 'is', null)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('teams')
          .select(sql`1`.as('one'))
          .where(sql`lower(teams.name)`, '=', sql`lower(handoffs.team)`)
          .where(sql<Date>`handoffs.created_at + teams.sla_seconds * interval '1 second'`, '<=', now),
      ),
    )
    .returning(['id', 'contact_id'])
    .execute();
}

/** Online agents silent for `awayAfterMs` become away (and get no new conversations). Their ids. */
export async function markIdleAway(db: Executor, now: Date): Promise<string[]> {
  const rows = await db
    .updateTable('agent_presence')
    .set({ status: 'away' })
    .where('status', '=', 'online')
    .where('last_active_at', '<', new Date(now.getTime() - awayAfterMs))
    .returning('user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

/** The first human reply stops the SLA clock. */
export async function markFirstReply(db: Executor, handoffId: string, now: Date): Promise<void> {
  await db
    .updateTable('handoffs')
    .set({ first_reply_at: now })
    .where('id', '=', handoffId)
    .where('first_reply_at', 'is', null)
    .execute();
}

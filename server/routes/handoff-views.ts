import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import type { Executor } from '../db/database.ts';
import { findHandoffs, handoffNotes, type HandoffStatus } from '../db/queries/handoffs.ts';
import { teamIdsOf } from '../db/queries/teams.ts';
import { priorityName } from '../handoffs/priority.ts';
import { AppError, notFound } from '../http/errors.ts';
import { serviceWindow } from '../../shared/whatsapp/service-window.ts';
import { assertMayHandle, seesAllHandoffs } from './handoff-access.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** `visibleTo`: see `findHandoffs` (an agent's own, and their teams' queue). */
export async function loadHandoffs(
  db: Executor,
  now: Date,
  filter: { id?: string; statuses?: HandoffStatus[]; visibleTo?: string | null },
) {
  const rows = await findHandoffs(db, filter);
  return rows.map((r) => {
    const createdAt = new Date(r.created_at);
    const slaDue =
      r.sla_seconds !== null && r.first_reply_at === null && r.status !== 'resolved'
        ? new Date(createdAt.getTime() + r.sla_seconds * 1000).toISOString()
        : null;
    return {
      id: r.id,
      status: r.status,
      team: r.team,
      teamId: r.team_id,
      priority: priorityName(r.priority),
      note: r.note,
      assignedUserId: r.assigned_user_id,
      contact: { id: r.contact_id, name: r.name, phone: r.wa_id },
      variables: (r.context as { variables?: Record<string, unknown> }).variables ?? {},
      createdAt: createdAt.toISOString(),
      windowOpen: serviceWindow(r.last_inbound_at ? new Date(r.last_inbound_at) : null, now).open,
      slaDueAt: slaDue,
      slaBreached: r.sla_breached_at !== null,
      firstReplyAt: iso(r.first_reply_at),
      resolvedAt: iso(r.resolved_at),
    };
  });
}

export type HandoffView = Awaited<ReturnType<typeof loadHandoffs>>[number];

const otherTeam = () => new AppError(403, 'other_team', 'Este atendimento está na fila de outra equipe.');

/**
 * The handoff, if the caller may work it: 404 when it does not exist; 403 when another agent
 * holds it, or it waits in the queue of a team the agent is not in.
 */
export async function requireHandoff(c: Context<AppEnv>, id: string): Promise<HandoffView> {
  const { db, clock } = c.var.deps;
  const [found] = await loadHandoffs(db, clock.now(), { id });
  if (!found) throw notFound('Atendimento');
  const { actor } = c.var;
  assertMayHandle(actor, found.assignedUserId);
  if (!seesAllHandoffs(actor) && found.assignedUserId === null && found.teamId !== null) {
    const mine = actor.userId === null ? [] : await teamIdsOf(db, actor.userId);
    if (!mine.includes(found.teamId)) throw otherTeam();
  }
  return found;
}

export async function loadNotes(db: Executor, handoffId: string) {
  const rows = await handoffNotes(db, handoffId);
  return rows.map((n) => ({
    id: n.id,
    kind: n.kind,
    text: n.text,
    author: n.user_id ? { id: n.user_id, name: n.user_name || n.user_email || '' } : null,
    createdAt: new Date(n.created_at).toISOString(),
  }));
}

import type { Actor } from '../context.ts';
import type { Executor } from '../db/database.ts';
import { claimedAssignees } from '../db/queries/handoffs.ts';
import { AppError } from '../http/errors.ts';

/**
 * Who may see and work a handed-over conversation: admins every one; an agent the unassigned
 * queue and their own. Refused with 403 rather than 404: the agent saw the conversation in the
 * queue moments before someone claimed it, so "it is with someone else" is the honest answer.
 */
export function seesAllHandoffs(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'supervisor';
}

export function mayHandle(actor: Actor, assignedUserId: string | null): boolean {
  return seesAllHandoffs(actor) || assignedUserId === null || assignedUserId === actor.userId;
}

export const claimedByOther = () =>
  new AppError(403, 'claimed_by_other', 'Este atendimento está com outra pessoa da equipe.');

export function assertMayHandle(actor: Actor, assignedUserId: string | null): void {
  if (!mayHandle(actor, assignedUserId)) throw claimedByOther();
}

/** The contacts routes reach the same conversation: refuse them while another agent holds it. */
export async function assertContactNotHeldByOther(db: Executor, actor: Actor, contactId: string): Promise<void> {
  if (seesAllHandoffs(actor)) return;
  const held = await claimedAssignees(db, contactId);
  if (held.some((userId) => !mayHandle(actor, userId))) throw claimedByOther();
}

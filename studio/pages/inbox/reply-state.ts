import type { Handoff } from '../../api/client.ts';

type HandoffState = Pick<Handoff, 'status' | 'assignedUserId' | 'windowOpen'>;

/**
 * Why the agent cannot reply right now, or null when they can. The server enforces the
 * window and the resolved state; claiming first is the inbox's own rule, so two agents
 * don't answer the same contact at once.
 */
export type ReplyBlock = 'resolved' | 'windowClosed' | 'unclaimed' | 'claimedByOther';

export function replyBlock(handoff: HandoffState, userId: string): ReplyBlock | null {
  if (handoff.status === 'resolved') return 'resolved';
  if (handoff.status === 'open' || handoff.assignedUserId === null) return 'unclaimed';
  if (handoff.assignedUserId !== userId) return 'claimedByOther';
  // The holder may still send an approved template: the reply box offers one instead of text.
  if (!handoff.windowOpen) return 'windowClosed';
  return null;
}

/** Who holds the conversation, seen from the agent reading it. */
export type Holder = 'queue' | 'me' | 'other' | 'closed';

export function holderOf(handoff: Pick<Handoff, 'status' | 'assignedUserId'>, userId: string): Holder {
  if (handoff.status === 'resolved') return 'closed';
  if (handoff.status === 'open' || handoff.assignedUserId === null) return 'queue';
  return handoff.assignedUserId === userId ? 'me' : 'other';
}

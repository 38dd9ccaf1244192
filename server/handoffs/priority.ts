import type { HandoffPriority } from '../../shared/flow/nodes/handoff.ts';

/** Stored as a number so the queue sorts by it: higher leaves first. */
export const priorityRank = { normal: 0, high: 1, urgent: 2 } as const satisfies Record<HandoffPriority, number>;

export function priorityName(rank: number): HandoffPriority {
  return rank >= 2 ? 'urgent' : rank === 1 ? 'high' : 'normal';
}

import type { Handoff } from '../../api/client.ts';

export const inboxFilters = ['all', 'open', 'claimed'] as const;
export type InboxFilter = (typeof inboxFilters)[number];

/**
 * Filtered in the browser from one list of open and claimed handoffs (what the API gives
 * without `status`), so every filter's count stays current from a single poll.
 */
export function filterHandoffs(handoffs: readonly Handoff[], filter: InboxFilter): Handoff[] {
  return filter === 'all' ? [...handoffs] : handoffs.filter((h) => h.status === filter);
}

export function countByFilter(handoffs: readonly Handoff[]): Record<InboxFilter, number> {
  return {
    all: handoffs.length,
    open: handoffs.filter((h) => h.status === 'open').length,
    claimed: handoffs.filter((h) => h.status === 'claimed').length,
  };
}

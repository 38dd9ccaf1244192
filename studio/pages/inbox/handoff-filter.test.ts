import { describe, expect, it } from 'vitest';
import type { Handoff } from '../../api/client.ts';
import { countByFilter, filterHandoffs } from './handoff-filter.ts';

function handoff(id: string, status: Handoff['status']): Handoff {
  return {
    id,
    status,
    team: 'vendas',
    note: '',
    variables: {},
    createdAt: '2025-03-10T12:00:00Z',
    windowOpen: true,
    contact: { id: `c-${id}`, name: id, phone: null },
    assignedUserId: status === 'open' ? null : 'u1',
    teamId: null,
    priority: 'normal',
    slaDueAt: null,
    slaBreached: false,
    firstReplyAt: null,
    resolvedAt: null,
  };
}

const list = [handoff('a', 'open'), handoff('b', 'claimed'), handoff('c', 'open')];

describe('filterHandoffs', () => {
  it('keeps the server’s order (oldest first) and filters by status', () => {
    expect(filterHandoffs(list, 'all').map((h) => h.id)).toEqual(['a', 'b', 'c']);
    expect(filterHandoffs(list, 'open').map((h) => h.id)).toEqual(['a', 'c']);
    expect(filterHandoffs(list, 'claimed').map((h) => h.id)).toEqual(['b']);
  });

  it('counts every filter at once', () => {
    expect(countByFilter(list)).toEqual({ all: 3, open: 2, claimed: 1 });
    expect(countByFilter([])).toEqual({ all: 0, open: 0, claimed: 0 });
  });
});

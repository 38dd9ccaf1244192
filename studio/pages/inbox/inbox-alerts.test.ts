import { describe, expect, it } from 'vitest';
import { alertsFor, type HandoffSnapshot } from './inbox-alerts.ts';

const snap = (id: string, assignedUserId: string | null, contactId = `c-${id}`): HandoffSnapshot => ({
  id,
  assignedUserId,
  contactId,
});
const map = (...hs: HandoffSnapshot[]) => new Map(hs.map((h) => [h.id, h]));

describe('alertsFor', () => {
  it('alerts a new assignment to me, not one to someone else', () => {
    const after = [snap('a', 'me'), snap('b', 'other')];
    expect(alertsFor({ type: 'handoff.assigned' }, map(snap('a', null), snap('b', null)), after, 'me')).toEqual([
      { id: 'a', kind: 'assigned' },
    ]);
  });

  it('does not alert my own claim', () => {
    expect(alertsFor({ type: 'handoff.claimed' }, map(snap('a', null)), [snap('a', 'me')], 'me')).toEqual([]);
  });

  it('alerts a new unassigned one in my queue, and a customer message in mine only', () => {
    const before = map(snap('a', 'me'), snap('b', 'other'));
    const after = [snap('a', 'me'), snap('b', 'other'), snap('c', null)];
    expect(alertsFor({ type: 'handoff.opened' }, before, after, 'me')).toEqual([{ id: 'c', kind: 'queued' }]);
    expect(alertsFor({ type: 'message.received', conversationId: 'c-a' }, before, after.slice(0, 2), 'me')).toEqual([
      { id: 'a', kind: 'message' },
    ]);
    expect(alertsFor({ type: 'message.received', conversationId: 'c-b' }, before, after.slice(0, 2), 'me')).toEqual([]);
  });

  it('alerts a missed SLA on a handoff I see', () => {
    const before = map(snap('a', null));
    expect(alertsFor({ type: 'handoff.sla_missed', handoffId: 'a' }, before, [snap('a', null)], 'me')).toEqual([
      { id: 'a', kind: 'sla' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { holderOf, replyBlock } from './reply-state.ts';

const me = 'u-me';

describe('replyBlock', () => {
  it('lets the agent holding an open-window conversation reply', () => {
    expect(replyBlock({ status: 'claimed', assignedUserId: me, windowOpen: true }, me)).toBeNull();
  });

  it.each([
    [{ status: 'resolved', assignedUserId: me, windowOpen: true }, 'resolved'],
    [{ status: 'claimed', assignedUserId: me, windowOpen: false }, 'windowClosed'],
    [{ status: 'open', assignedUserId: null, windowOpen: false }, 'unclaimed'],
    [{ status: 'claimed', assignedUserId: 'u-other', windowOpen: false }, 'claimedByOther'],
    [{ status: 'open', assignedUserId: null, windowOpen: true }, 'unclaimed'],
    [{ status: 'claimed', assignedUserId: 'u-other', windowOpen: true }, 'claimedByOther'],
  ] as const)('%o is blocked as %s', (handoff, block) => {
    expect(replyBlock(handoff, me)).toBe(block);
  });
});

describe('holderOf', () => {
  it.each([
    [{ status: 'open', assignedUserId: null }, 'queue'],
    [{ status: 'claimed', assignedUserId: me }, 'me'],
    [{ status: 'claimed', assignedUserId: 'u-other' }, 'other'],
    [{ status: 'resolved', assignedUserId: me }, 'closed'],
  ] as const)('%o is held by %s', (handoff, holder) => {
    expect(holderOf(handoff, me)).toBe(holder);
  });
});

import { describe, expect, it } from 'vitest';
import { initialPoll, settlePoll } from './poll-state.ts';

const at = (s: number) => new Date(Date.UTC(2025, 2, 10, 12, 0, s));

describe('settlePoll', () => {
  it('shows the first answer', () => {
    expect(settlePoll(initialPoll<string>(), { seq: 1, at: at(1), ok: true, data: 'a' })).toEqual({
      data: 'a',
      error: null,
      updatedAt: at(1),
      seq: 1,
    });
  });

  it('keeps the last good data when a later poll fails, and clears the error on the next success', () => {
    const good = settlePoll(initialPoll<string>(), { seq: 1, at: at(1), ok: true, data: 'a' });
    const failed = settlePoll(good, { seq: 2, at: at(2), ok: false, error: 'offline' });
    expect(failed).toEqual({ data: 'a', error: 'offline', updatedAt: at(1), seq: 2 });
    expect(settlePoll(failed, { seq: 3, at: at(3), ok: true, data: 'b' })).toEqual({
      data: 'b',
      error: null,
      updatedAt: at(3),
      seq: 3,
    });
  });

  it('ignores an older request that answers after a newer one', () => {
    const fresh = settlePoll(initialPoll<string>(), { seq: 2, at: at(2), ok: true, data: 'after the claim' });
    expect(settlePoll(fresh, { seq: 1, at: at(3), ok: true, data: 'before the claim' })).toBe(fresh);
    expect(settlePoll(fresh, { seq: 1, at: at(3), ok: false, error: 'late' })).toBe(fresh);
  });

  it('shows a first failure with no data', () => {
    expect(settlePoll(initialPoll<string>(), { seq: 1, at: at(1), ok: false, error: 'down' })).toEqual({
      data: null,
      error: 'down',
      updatedAt: null,
      seq: 1,
    });
  });
});

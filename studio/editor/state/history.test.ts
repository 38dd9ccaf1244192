import { describe, expect, it } from 'vitest';
import { emptyHistory, historyLimit, record, redo, undo } from './history.ts';

describe('history', () => {
  it('undoes and redoes in order', () => {
    let h = record(emptyHistory<number>(), 1, null, 0);
    h = record(h, 2, null, 10);
    const u1 = undo(h, 3);
    expect(u1?.value).toBe(2);
    const u2 = undo(u1!.history, 2);
    expect(u2?.value).toBe(1);
    expect(undo(u2!.history, 1)).toBeNull();
    const r1 = redo(u2!.history, 1);
    expect(r1?.value).toBe(2);
    expect(redo(r1!.history, 2)?.value).toBe(3);
  });

  it('merges edits with the same key inside the window, not after it', () => {
    let h = record(emptyHistory<string>(), 'a', 'type:n1', 0);
    h = record(h, 'ab', 'type:n1', 500);
    h = record(h, 'abc', 'type:n1', 1400);
    expect(h.past).toEqual(['a']);
    h = record(h, 'abcd', 'type:n1', 3000);
    expect(h.past).toEqual(['a', 'abcd']);
  });

  it('never merges edits with different keys or no key', () => {
    let h = record(emptyHistory<number>(), 1, 'x', 0);
    h = record(h, 2, 'y', 1);
    h = record(h, 3, null, 2);
    h = record(h, 4, null, 3);
    expect(h.past).toEqual([1, 2, 3, 4]);
  });

  it('a new edit clears the redo stack', () => {
    const h = record(emptyHistory<number>(), 1, null, 0);
    const u = undo(h, 2)!;
    expect(u.history.future).toEqual([2]);
    expect(record(u.history, 1, null, 5).future).toEqual([]);
  });

  it('keeps at most the limit', () => {
    let h = emptyHistory<number>();
    for (let i = 0; i < historyLimit + 20; i++) h = record(h, i, null, i * 10_000);
    expect(h.past).toHaveLength(historyLimit);
    expect(h.past[0]).toBe(20);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { createGroupCommit } from './group-commit.ts';

describe('group commit', () => {
  it('writes a lone item at once and batches items that arrive during a write', async () => {
    const batches: number[][] = [];
    const gc = createGroupCommit(async (items: number[]) => {
      batches.push(items);
      await new Promise((r) => setTimeout(r, 10));
      return items.map((i) => i * 2);
    });
    const results = await Promise.all([1, 2, 3, 4].map((i) => gc.submit(i)));
    expect(results).toEqual([2, 4, 6, 8]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('rejects every item of a failed batch and keeps going', async () => {
    let calls = 0;
    const gc = createGroupCommit(async (items: string[]) => {
      calls += 1;
      if (calls === 1) throw new Error('db down');
      return items;
    });
    await expect(gc.submit('a')).rejects.toThrow('db down');
    await expect(gc.submit('b')).resolves.toBe('b');
  });

  it('with two writers, starts a second batch while the first is still being written', async () => {
    const batches: number[][] = [];
    let open = 0;
    let mostOpen = 0;
    const gc = createGroupCommit(
      async (items: number[]) => {
        batches.push(items);
        open += 1;
        mostOpen = Math.max(mostOpen, open);
        await new Promise((r) => setTimeout(r, 10));
        open -= 1;
        return items;
      },
      { writers: 2 },
    );
    const results = await Promise.all([1, 2, 3, 4].map((i) => gc.submit(i)));
    expect(results).toEqual([1, 2, 3, 4]);
    expect(batches).toEqual([[1], [2], [3, 4]]);
    expect(mostOpen).toBe(2);
  });

  it('with a linger, holds the batch open so items arriving at a steady pace go together', async () => {
    vi.useFakeTimers();
    try {
      const batches: number[][] = [];
      const gc = createGroupCommit(
        async (items: number[]) => {
          batches.push(items);
          return items;
        },
        { lingerMs: 20 },
      );
      const first = [gc.submit(1)];
      await vi.advanceTimersByTimeAsync(8);
      first.push(gc.submit(2));
      await vi.advanceTimersByTimeAsync(8);
      first.push(gc.submit(3));
      expect(batches).toEqual([]);
      await vi.advanceTimersByTimeAsync(4);
      expect(await Promise.all(first)).toEqual([1, 2, 3]);
      const later = gc.submit(4);
      await vi.advanceTimersByTimeAsync(19);
      expect(batches).toEqual([[1, 2, 3]]);
      await vi.advanceTimersByTimeAsync(1);
      expect(await later).toBe(4);
      expect(batches).toEqual([[1, 2, 3], [4]]);
    } finally {
      vi.useRealTimers();
    }
  });
});

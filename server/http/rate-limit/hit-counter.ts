/** One window's count for a key, and how long until that window ends. */
export interface Hits {
  count: number;
  resetMs: number;
}

/**
 * Fixed-window request counting shared by the API and login limits. In one process a map; with
 * Redis (redis-hit-counter.ts) one counter for every instance.
 */
export interface HitCounter {
  /** Counts one hit in the key's current window (which starts with the first hit). */
  hit(key: string, windowMs: number): Promise<Hits>;
  /** Takes one hit back: a login that succeeded should not count toward a lockout. */
  undo(key: string): Promise<void>;
}

/** In-process counter; `now` is the app's clock so tests can move time. */
export function createLocalHitCounter(now: () => number): HitCounter {
  const windows = new Map<string, { count: number; endsAt: number }>();
  let nextSweep = 0;

  // Every distinct key (IP address, e-mail tried) stays until its window ends: sweep expired
  // ones now and then, so a scan of many addresses cannot grow the map without end.
  function sweep(t: number) {
    if (t < nextSweep) return;
    nextSweep = t + 60_000;
    for (const [key, w] of windows) if (w.endsAt <= t) windows.delete(key);
  }

  return {
    async hit(key, windowMs) {
      const t = now();
      sweep(t);
      let w = windows.get(key);
      if (!w || w.endsAt <= t) {
        w = { count: 0, endsAt: t + windowMs };
        windows.set(key, w);
      }
      w.count += 1;
      return { count: w.count, resetMs: w.endsAt - t };
    },
    async undo(key) {
      const w = windows.get(key);
      if (w && w.endsAt > now() && w.count > 0) w.count -= 1;
    },
  };
}

/**
 * Undo history as snapshots of the whole flow. Snapshots share unchanged nodes with each
 * other (edits copy only what they touch), so 100 of them cost little.
 */
export interface History<T> {
  past: T[];
  future: T[];
  /** Edits with the same key close together in time merge into one undo step (typing, dragging). */
  lastKey: string | null;
  lastAt: number;
}

export const historyLimit = 100;
export const coalesceWindowMs = 1000;

export function emptyHistory<T>(): History<T> {
  return { past: [], future: [], lastKey: null, lastAt: 0 };
}

/** Records `before` (the state an edit is about to replace) unless it continues the previous edit. */
export function record<T>(h: History<T>, before: T, key: string | null, now: number): History<T> {
  const continues = key !== null && key === h.lastKey && now - h.lastAt <= coalesceWindowMs;
  if (continues) return { ...h, lastAt: now };
  return { past: [...h.past, before].slice(-historyLimit), future: [], lastKey: key, lastAt: now };
}

export function undo<T>(h: History<T>, current: T): { history: History<T>; value: T } | null {
  const value = h.past.at(-1);
  if (value === undefined) return null;
  return { history: { past: h.past.slice(0, -1), future: [current, ...h.future], lastKey: null, lastAt: 0 }, value };
}

export function redo<T>(h: History<T>, current: T): { history: History<T>; value: T } | null {
  const value = h.future[0];
  if (value === undefined) return null;
  return { history: { past: [...h.past, current], future: h.future.slice(1), lastKey: null, lastAt: 0 }, value };
}

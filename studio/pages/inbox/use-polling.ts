import { useCallback, useEffect, useRef, useState } from 'react';
import { initialPoll, settlePoll, type PollState } from './poll-state.ts';

/** How often the inbox asks again: agents expect a new message within seconds. */
export const pollIntervalMs = 4000;

/**
 * Loads now and again `intervalMs` after each answer (never two polls at once), skipping
 * while the tab is hidden and catching up when it shows again. `refresh` asks right away,
 * e.g. after the agent changed something. To poll something else, remount (React `key`).
 */
export function usePolling<T>(load: () => Promise<T>, intervalMs = pollIntervalMs) {
  const [state, setState] = useState<PollState<T>>(initialPoll);
  const loadRef = useRef(load);
  loadRef.current = load;
  const seqRef = useRef(0);

  const refresh = useCallback(async () => {
    const seq = (seqRef.current += 1);
    try {
      const data = await loadRef.current();
      setState((s) => settlePoll(s, { seq, at: new Date(), ok: true, data }));
    } catch (error) {
      setState((s) => settlePoll(s, { seq, at: new Date(), ok: false, error }));
    }
  }, []);

  useEffect(() => {
    // Per run of the effect, not a ref: StrictMode's second mount must not inherit the first loop.
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      if (!document.hidden) await refresh();
      if (!stopped) timer = setTimeout(tick, intervalMs);
    };
    void tick();
    const onVisibility = () => {
      if (!document.hidden) void refresh();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [refresh, intervalMs]);

  return { data: state.data, error: state.error, updatedAt: state.updatedAt, refresh };
}

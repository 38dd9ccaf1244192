import { useCallback, useEffect, useRef, useState } from 'react';
import type { StudioEvent } from '../../../shared/api/events.ts';
import { useStudioEvents } from '../../api/events.ts';
import { initialPoll, settlePoll, type PollState } from './poll-state.ts';

/**
 * Loads now, then again whenever a server-sent event says something it shows changed (and on
 * every reconnection, since events sent while disconnected are lost). No polling: across
 * instances the events come through Redis. `refresh` asks right away, e.g. after the agent acted.
 * To load something else, remount (React `key`).
 */
export function useLive<T>(load: () => Promise<T>, concerns: (event: StudioEvent) => boolean) {
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
    void refresh();
  }, [refresh]);
  useStudioEvents(
    (event) => {
      if (concerns(event)) void refresh();
    },
    () => void refresh(),
  );

  return { data: state.data, error: state.error, updatedAt: state.updatedAt, refresh };
}

/** Events that change the queue: any handoff, or a message (the list shows the 24-hour window). */
export const changesHandoffs = (event: StudioEvent): boolean =>
  event.type.startsWith('handoff.') || event.type === 'message.received';

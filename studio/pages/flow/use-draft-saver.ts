import { useEffect, useState, useSyncExternalStore } from 'react';
import { api, ApiError, type FlowDetail } from '../../api/client.ts';
import { createDraftSaver, type DraftSaver, type SaverState } from './draft-saver.ts';

const autosaveDelayMs = 800;

/** One saver per loaded flow, its state as React state, and a warning before leaving unsaved work. */
export function useDraftSaver(flow: FlowDetail): { saver: DraftSaver; state: SaverState } {
  const [saver] = useState(() =>
    createDraftSaver({
      revision: flow.revision,
      draft: flow.draft,
      delayMs: autosaveDelayMs,
      isConflict: (error) => error instanceof ApiError && error.status === 409,
      save: async (draft, revision) => (await api.saveDraft(flow.id, draft, revision)).flow,
    }),
  );
  const state = useSyncExternalStore(saver.subscribe, saver.getState);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (saver.hasUnsaved()) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      // Leaving the page inside the app: send what is waiting rather than drop it.
      void saver.flush();
    };
  }, [saver]);

  return { saver, state };
}

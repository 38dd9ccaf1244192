import type { FlowDocument } from '../../../shared/flow/schema.ts';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error' | 'conflict';

export interface SaverState {
  status: SaveStatus;
  /** The revision the next save claims to be based on. */
  revision: number;
  error: unknown;
}

export interface DraftSaverOptions {
  revision: number;
  /** What the server has at that revision. */
  draft: FlowDocument;
  save(draft: FlowDocument, revision: number): Promise<{ revision: number }>;
  /** A 409: someone else saved since our revision. */
  isConflict(error: unknown): boolean;
  delayMs: number;
  /** Injected so tests control time; defaults to setTimeout. */
  schedule?(run: () => void, ms: number): () => void;
}

const defaultSchedule = (run: () => void, ms: number) => {
  const handle = setTimeout(run, ms);
  return () => clearTimeout(handle);
};

/**
 * Autosave without lost edits: changes are debounced, one PUT is in flight at a time,
 * each claims the revision the last one returned, and a change made during a save is
 * saved right after it. A conflict stops saving until the user chooses what wins.
 */
export function createDraftSaver(options: DraftSaverOptions) {
  const schedule = options.schedule ?? defaultSchedule;
  let state: SaverState = { status: 'saved', revision: options.revision, error: null };
  let pending: FlowDocument | null = null;
  let lastSaved = JSON.stringify(options.draft);
  let inFlight: Promise<void> | null = null;
  let cancelTimer: (() => void) | null = null;
  const listeners = new Set<() => void>();

  const set = (next: Partial<SaverState>) => {
    state = { ...state, ...next };
    listeners.forEach((listener) => listener());
  };

  const run = (): Promise<void> => {
    cancelTimer?.();
    cancelTimer = null;
    if (inFlight) return inFlight;
    if (!pending || state.status === 'conflict') return Promise.resolve();
    const draft = pending;
    const json = JSON.stringify(draft);
    pending = null;
    set({ status: 'saving', error: null });
    inFlight = options.save(draft, state.revision).then(
      (saved) => {
        inFlight = null;
        lastSaved = json;
        set({ revision: saved.revision });
        if (pending) return run();
        set({ status: 'saved' });
      },
      (error: unknown) => {
        inFlight = null;
        // Keep the newest edit: a change made during the failed save supersedes this one.
        pending ??= draft;
        set({ status: options.isConflict(error) ? 'conflict' : 'error', error });
      },
    );
    return inFlight;
  };

  return {
    getState: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    change(draft: FlowDocument) {
      // Editors report their first render too; an unchanged document needs no save.
      if (!pending && !inFlight && JSON.stringify(draft) === lastSaved) return;
      pending = draft;
      if (state.status === 'conflict') return;
      if (!inFlight) set({ status: 'pending' });
      cancelTimer?.();
      cancelTimer = schedule(() => void run(), options.delayMs);
    },
    /** Saves now what is waiting; true when the server has everything. */
    async flush(): Promise<boolean> {
      // A function, so TypeScript does not assume the status stays what it was before `await`.
      const stopped = () => state.status === 'error' || state.status === 'conflict';
      if (state.status === 'conflict') return false;
      while (pending || inFlight) {
        await run();
        if (stopped()) return false;
      }
      return true;
    },
    /** Saves what is waiting even if the server moved on (the user chose "overwrite"). */
    overwrite(serverRevision: number) {
      set({ status: 'pending', revision: serverRevision, error: null });
      return run();
    },
    /** Forgets local edits and starts over from what the server has (the user chose "reload"). */
    reset(revision: number, draft: FlowDocument) {
      cancelTimer?.();
      cancelTimer = null;
      pending = null;
      lastSaved = JSON.stringify(draft);
      set({ status: 'saved', revision, error: null });
    },
    /** The state the user would lose by leaving now. */
    hasUnsaved: () => pending !== null || inFlight !== null,
  };
}

export type DraftSaver = ReturnType<typeof createDraftSaver>;

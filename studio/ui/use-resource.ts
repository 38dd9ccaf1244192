import { useCallback, useEffect, useState } from 'react';

export type Resource<T> =
  | { status: 'loading'; data: null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: null; error: unknown };

/** Loads something once (and again on `reload`), ignoring answers that arrive after unmount. */
export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<Resource<T>>({ status: 'loading', data: null, error: null });
  const [tick, setTick] = useState(0);
  // The caller lists what `load` reads, as with useEffect.
  const stableLoad = useCallback(load, deps);

  useEffect(() => {
    let live = true;
    stableLoad().then(
      (data) => live && setState({ status: 'ready', data, error: null }),
      (error: unknown) => live && setState({ status: 'error', data: null, error }),
    );
    return () => {
      live = false;
    };
  }, [stableLoad, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}

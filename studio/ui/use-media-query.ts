import { useCallback, useSyncExternalStore } from 'react';

/** Phones and small tablets: the shell folds into a menu and the editor's canvas is read-only. Matches app.css. */
export const phoneQuery = '(max-width: 768px)';

/** Whether a CSS media query matches now; re-renders when that changes (rotation, resize). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
}

import { useEffect, useRef } from 'react';

/**
 * For a side panel that opens on request (simulator, versions, problems): focus moves to the
 * returned element (a heading with `tabIndex={-1}`) when the panel opens, and back to where it
 * was when the panel closes, unless the user has already put it somewhere else.
 */
export function usePanelFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const own = ref.current;
    own?.focus();
    return () => {
      // By now the panel may or may not be out of the document: either way, focus left with it.
      const active = document.activeElement;
      const panel = own?.closest('aside, section, [role="search"]') ?? own;
      const lost = !active || active === document.body || !active.isConnected || Boolean(panel?.contains(active));
      if (lost && previous?.isConnected) previous.focus();
    };
  }, []);
  return ref;
}

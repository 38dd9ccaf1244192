import { useCallback, useEffect, useState } from 'react';

type Panels = typeof import('./panels.ts');

let loaded: Panels | null = null;
let loading: Promise<Panels> | null = null;

/**
 * Starts loading the panels' chunk (toolbar, palette, inspector with every node's form and the
 * WhatsApp preview, search, problems): half of the editor's code, none of which the canvas
 * needs to draw. FlowPage calls it while the flow is on its way; the editor when it shows them.
 * A failed load is forgotten, so the next attempt fetches again.
 */
export function loadPanels(): Promise<Panels> {
  loading ??= import('./panels.ts').then(
    (panels) => (loaded = panels),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

export type PanelsState =
  | { status: 'loading'; panels: null }
  | { status: 'ready'; panels: Panels }
  | { status: 'failed'; panels: null; retry(): void };

/**
 * The panels' code once `wanted`. Already loaded (FlowPage starts early), it is there in the
 * first render. Not `React.lazy`: a suspended boundary is revealed at the earliest 300 ms after
 * its fallback, which put the panels of a big flow half a second after its picture.
 */
export function usePanels(wanted: boolean): PanelsState {
  const [panels, setPanels] = useState<Panels | null>(loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!wanted || panels || failed) return;
    let live = true;
    loadPanels().then(
      (p) => { if (live) setPanels(p); },
      () => { if (live) setFailed(true); },
    );
    return () => { live = false; };
  }, [wanted, panels, failed]);
  const retry = useCallback(() => setFailed(false), []);
  if (panels && wanted) return { status: 'ready', panels };
  return failed ? { status: 'failed', panels: null, retry } : { status: 'loading', panels: null };
}

import { useCallback, useEffect, useState } from 'react';
import { lazyModule } from '../../ui/lazy-module.ts';
import { schemaCode } from './load-schema-code.ts';

type Panels = typeof import('./panels.ts');

const panelsCode = lazyModule<Panels>(() => import('./panels.ts'));

/** The panels once both their code and the schema code (which their actions need) are in. */
const loadedPanels = (): Panels | null => (schemaCode.loaded() ? panelsCode.loaded() : null);

/**
 * Starts loading the panels' chunk (toolbar, palette, inspector with every node's form and the
 * WhatsApp preview, search, problems): half of the editor's code, none of which the canvas
 * needs to draw; and beside it the schema code that adding and pasting nodes need. FlowPage
 * calls it while the flow is on its way; the editor when it shows them. A failed load is
 * forgotten, so the next attempt fetches again.
 */
export async function loadPanels(): Promise<Panels> {
  const [panels] = await Promise.all([panelsCode.load(), schemaCode.load()]);
  return panels;
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
  const [panels, setPanels] = useState<Panels | null>(loadedPanels);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!wanted || panels || failed) return;
    let live = true;
    loadPanels().then(
      (p) => {
        if (live) setPanels(p);
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [wanted, panels, failed]);
  const retry = useCallback(() => setFailed(false), []);
  if (panels && wanted) return { status: 'ready', panels };
  return failed ? { status: 'failed', panels: null, retry } : { status: 'loading', panels: null };
}

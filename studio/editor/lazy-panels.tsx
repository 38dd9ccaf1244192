import { lazy } from 'react';

type Panels = typeof import('./panels.ts');

let loading: Promise<Panels> | null = null;

/**
 * Starts loading the panels' chunk (toolbar, palette, inspector with every node's form and the
 * WhatsApp preview, search, problems): half of the editor's code, none of which the canvas
 * needs to draw. FlowPage calls it while the flow is on its way; the editor when it shows them.
 * A failed load is forgotten, so the next attempt fetches again.
 */
export function loadPanels(): Promise<Panels> {
  loading ??= import('./panels.ts').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

export const Toolbar = lazy(() => loadPanels().then((m) => ({ default: m.Toolbar })));
export const Palette = lazy(() => loadPanels().then((m) => ({ default: m.Palette })));
export const Inspector = lazy(() => loadPanels().then((m) => ({ default: m.Inspector })));
export const SearchBox = lazy(() => loadPanels().then((m) => ({ default: m.SearchBox })));
export const ProblemsPanel = lazy(() => loadPanels().then((m) => ({ default: m.ProblemsPanel })));

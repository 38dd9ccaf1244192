import { getNodesBounds, getViewportForBounds, type Viewport } from '@xyflow/react';
import { useLayoutEffect, useState, type RefObject } from 'react';
import type { SavedBox } from '../nodes/far-look.ts';
import type { EditorNode } from './types.ts';

export interface ViewOptions {
  padding: number;
  minZoom: number;
  maxZoom: number;
}

/** How the canvas opens: React Flow measures and fits, or starts at a view fitted already. */
export type OpeningView = { kind: 'measure' } | { kind: 'waiting' } | { kind: 'fitted'; viewport: Viewport };

const savedHeight = (n: EditorNode) => (n.measured?.width && n.measured.height ? n.measured.height : null);

/**
 * What the opened flow knows of its nodes' sizes, read once at mount (later edits never move
 * the view or change the boxes): the nodes saved with their size (see `SavedBoxes`), and the
 * view. When every node has a size the flow is fitted before anything is measured: the canvas
 * box is measured first (one small layout, before the nodes exist) and React Flow starts at
 * the fitted view, instead of measuring every node and fitting after. Otherwise (a template,
 * an import) React Flow measures and fits as usual.
 */
export function useSavedSizes(canvas: RefObject<HTMLElement | null>, nodes: readonly EditorNode[], options: ViewOptions) {
  const [boxes] = useState<ReadonlyMap<string, SavedBox>>(() => {
    const map = new Map<string, SavedBox>();
    for (const n of nodes) {
      const height = savedHeight(n);
      if (height !== null) map.set(n.id, { data: n.data, height });
    }
    return map;
  });
  const [view, setView] = useState<OpeningView>(() => (nodes.length > 0 && boxes.size === nodes.length ? { kind: 'waiting' } : { kind: 'measure' }));
  useLayoutEffect(() => {
    if (view.kind !== 'waiting') return;
    const rect = canvas.current?.getBoundingClientRect();
    if (!rect || rect.width === 0 || rect.height === 0) return setView({ kind: 'measure' });
    const bounds = getNodesBounds([...nodes]);
    setView({ kind: 'fitted', viewport: getViewportForBounds(bounds, rect.width, rect.height, options.minZoom, options.maxZoom, options.padding) });
    // Only the nodes of the first render count (see above), hence `view.kind` alone.
  }, [view.kind]);
  return { boxes, view };
}

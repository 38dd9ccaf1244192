import { getNodesBounds, getViewportForBounds, type Viewport } from '@xyflow/react';
import { useLayoutEffect, useState, type RefObject } from 'react';
import type { KnownBox } from '../../nodes/far-look.ts';
import { drawnSize } from '../document.ts';
import type { EditorNode } from '../state/types.ts';

export interface OpeningViewOptions {
  /** Only big flows open far out as boxes (see far-look.ts); others are measured and fitted. */
  enabled: boolean;
  padding: number;
  minZoom: number;
  maxZoom: number;
  /** Below this zoom nodes are drawn as boxes. */
  farZoom: number;
}

/** How the canvas opens: React Flow measures and fits, or starts at a view fitted already. */
export type OpeningView = { kind: 'measure' } | { kind: 'waiting' } | { kind: 'fitted'; viewport: Viewport };

/**
 * How a big flow opens, read once at mount (later edits never move the view or change the
 * boxes' sizes). Its nodes' sizes are known before anything is drawn: a big flow's nodes all
 * come with one (saved, or their box's, see `toEditorFlow`). So the canvas box is measured
 * first (one small layout, before the nodes exist) and the fitted view worked out from those
 * sizes; when it is far out, React Flow starts there and the nodes are drawn as boxes, instead
 * of every node being drawn and measured in full and the view fitted after. A flow that fits
 * closer in (its nodes readable, so drawn in full) is measured and fitted as usual.
 */
export function useOpeningView(
  canvas: RefObject<HTMLElement | null>,
  nodes: readonly EditorNode[],
  options: OpeningViewOptions,
) {
  const [known] = useState<ReadonlyMap<string, KnownBox>>(() => {
    const map = new Map<string, KnownBox>();
    for (const n of nodes) {
      const size = drawnSize(n);
      if (size) map.set(n.id, { data: n.data, height: size.height });
    }
    return map;
  });
  const [view, setView] = useState<OpeningView>(() =>
    options.enabled && nodes.length > 0 ? { kind: 'waiting' } : { kind: 'measure' },
  );
  useLayoutEffect(() => {
    if (view.kind !== 'waiting') return;
    const rect = canvas.current?.getBoundingClientRect();
    if (!rect || rect.width === 0 || rect.height === 0) return setView({ kind: 'measure' });
    const viewport = getViewportForBounds(
      getNodesBounds([...nodes]),
      rect.width,
      rect.height,
      options.minZoom,
      options.maxZoom,
      options.padding,
    );
    setView(viewport.zoom < options.farZoom ? { kind: 'fitted', viewport } : { kind: 'measure' });
    // Only the nodes of the first render count (see above), hence `view.kind` alone.
  }, [view.kind]);
  return { known, view };
}

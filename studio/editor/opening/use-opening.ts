import { useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useEffect, useState } from 'react';

/**
 * Where the editor is in opening its flow: `drawing`, then `fitted` once React Flow has
 * measured the nodes and fitted the view, then `settled` at the first idle moment after that
 * picture is on screen.
 */
export type Opening = 'drawing' | 'fitted' | 'settled';

/**
 * The first fitView has run and every node's handles are measured, so every edge can be drawn;
 * an empty flow has nothing to measure or fit. Opened at a view worked out before drawing (see
 * use-opening-view.ts), there is no fitView to wait for, but the handles still are measured
 * after the nodes are first drawn: until then the edges are missing from the picture.
 */
export const isFitted = (s: ReactFlowState) =>
  s.panZoom !== null && (s.nodes.length === 0 || (!s.fitViewQueued && handlesMeasured(s)));

function handlesMeasured(s: ReactFlowState): boolean {
  for (const node of s.nodeLookup.values()) if (!node.hidden && !node.internals.handleBounds) return false;
  return true;
}

/** A canvas that never fits (no size, say) still gets its extras after this long. */
const fallbackMs = 3000;
/** How long `settled` may wait for an idle moment. */
const idleTimeoutMs = 1000;

/**
 * Runs `run` at the first idle moment after the next frame has started, so the frame already
 * rendered is painted before the work starts.
 */
function afterNextPaint(run: () => void): () => void {
  let cancelIdle = () => {};
  const frame = requestAnimationFrame(() => {
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(run, { timeout: idleTimeoutMs });
      cancelIdle = () => cancelIdleCallback(handle);
    } else {
      const handle = setTimeout(run, 0);
      cancelIdle = () => clearTimeout(handle);
    }
  });
  return () => {
    cancelAnimationFrame(frame);
    cancelIdle();
  };
}

/**
 * A big flow opens as a cascade: React renders the nodes, the browser lays them out, React
 * Flow measures them and fits the view, React draws the edges. What the first picture does not
 * need (validation badges, the minimap) waits for `settled`, so it does not delay that picture.
 */
export function useOpening(): Opening {
  const rf = useStoreApi();
  const [phase, setPhase] = useState<Opening>('drawing');
  useEffect(() => {
    if (phase === 'settled') return;
    if (phase === 'fitted') return afterNextPaint(() => setPhase('settled'));
    if (isFitted(rf.getState())) {
      setPhase('fitted');
      return;
    }
    const unsubscribe = rf.subscribe((s) => {
      if (isFitted(s)) setPhase('fitted');
    });
    const timer = setTimeout(() => setPhase('fitted'), fallbackMs);
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [rf, phase]);
  return phase;
}

import type { ReactFlowState } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { isFitted } from './use-opening.ts';

/** The parts of React Flow's state the opening reads; the rest does not matter here. */
function state(parts: { panZoom: boolean; fitViewQueued: boolean; handles: boolean[] }): ReactFlowState {
  const nodes = parts.handles.map((measured, i) => ({
    id: `n${i}`,
    hidden: false,
    internals: { handleBounds: measured ? { source: [], target: [] } : undefined },
  }));
  // A partial state, cast: building all of React Flow's store for three fields would hide what is tested.
  return {
    panZoom: parts.panZoom ? {} : null,
    fitViewQueued: parts.fitViewQueued,
    nodes,
    nodeLookup: new Map(nodes.map((n) => [n.id, n])),
  } as unknown as ReactFlowState;
}

describe('opening a flow', () => {
  it('is not fitted before React Flow has its pan and zoom', () => {
    expect(isFitted(state({ panZoom: false, fitViewQueued: false, handles: [true] }))).toBe(false);
  });

  it('waits for the queued fitView', () => {
    expect(isFitted(state({ panZoom: true, fitViewQueued: true, handles: [true, true] }))).toBe(false);
  });

  it('waits until every node has its handles measured, so every edge is drawn', () => {
    expect(isFitted(state({ panZoom: true, fitViewQueued: false, handles: [true, false, true] }))).toBe(false);
    expect(isFitted(state({ panZoom: true, fitViewQueued: false, handles: [true, true, true] }))).toBe(true);
  });

  it('has nothing to wait for in an empty flow', () => {
    expect(isFitted(state({ panZoom: true, fitViewQueued: true, handles: [] }))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { layoutFlow } from './layout.ts';
import { sampleFlow } from '../testing/sample-flow.ts';

describe('layoutFlow', () => {
  it('lays out top to bottom, ports in handle order, notes untouched', async () => {
    const flow = sampleFlow();
    const positions = await layoutFlow(flow.nodes, flow.edges);
    const y = (id: string) => positions.get(id)?.y ?? Number.NaN;
    expect(y('start')).toBeLessThan(y('menu'));
    expect(y('menu')).toBeLessThan(y('buy'));
    // Option rows have their handles on the right, top to bottom: the first option's edge runs
    // outside the second's, so its target lands further right and the two edges do not cross.
    expect(positions.get('buy')!.x).toBeGreaterThan(positions.get('help')!.x);
    expect(positions.has('note')).toBe(false);
  });
});

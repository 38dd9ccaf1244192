import { describe, expect, it } from 'vitest';
import { largeFlow } from '../testing/large-flow.ts';
import { validateFlow } from './index.ts';

describe('performance', () => {
  it('validates a 500-node flow in a few milliseconds', () => {
    const flow = largeFlow(500);
    expect(flow.nodes).toHaveLength(500);
    expect(validateFlow(flow).problems).toEqual([]);
    // Best of several runs, so a busy CI machine does not fail the test by chance.
    let best = Infinity;
    for (let run = 0; run < 10; run++) {
      const started = performance.now();
      validateFlow(flow);
      best = Math.min(best, performance.now() - started);
    }
    expect(best).toBeLessThan(25);
  });
});

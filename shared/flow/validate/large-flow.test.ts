import { describe, expect, it } from 'vitest';
import { largeFlow } from '../testing/large-flow.ts';
import { validateFlow } from './index.ts';

// How fast validation is belongs to `npm run bench` (its "validation" line), not to a timed test.
describe('a large flow', () => {
  it('validates a 500-node flow without problems, the same way every time', () => {
    const flow = largeFlow(500);
    expect(flow.nodes).toHaveLength(500);
    const first = validateFlow(flow);
    expect(first.problems).toEqual([]);
    expect(validateFlow(flow)).toEqual(first);
  });
});

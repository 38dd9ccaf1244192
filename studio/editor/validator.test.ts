import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../shared/flow/validate/index.ts';
import { sampleFlow } from './testing/sample-flow.ts';
import { createValidator } from './validator.ts';

describe('createValidator without workers (tests, old browsers)', () => {
  it('validates in place, loading the validation code on first use, with the same result', async () => {
    const flow = sampleFlow();
    flow.nodes = flow.nodes.filter((n) => n.id !== 'buy');
    const validator = createValidator();
    const problems = await validator.validate(flow);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems).toEqual(validateFlow(flow).problems);
    validator.dispose();
  });
});

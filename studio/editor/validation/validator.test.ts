import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../../shared/flow/validate/index.ts';
import { starterTemplates } from '../../../shared/templates/index.ts';
import { sampleFlow } from '../testing/sample-flow.ts';
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

  it("passes the installation's facts on, so a picker with nothing to offer is flagged", async () => {
    const flow = starterTemplates.find((t) => t.id === 'pedidos')?.flow;
    if (!flow) throw new Error('no pedidos template');
    const validator = createValidator();
    expect(await validator.validate(flow)).toEqual([]);
    const problems = await validator.validate(flow, { activeProductsByCategory: {}, aiConfigured: true });
    expect(problems.map((p) => [p.code, p.severity])).toEqual([['picker_without_products', 'warning']]);
    validator.dispose();
  });
});

import { describe, expect, it } from 'vitest';
import { sampleFlow } from '../testing/sample-flow.ts';
import { validateFlow } from './index.ts';

describe('validateFlow', () => {
  it('passes the sample flow clean and returns it with defaults', () => {
    const result = validateFlow(sampleFlow());
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.flow?.settings.migrateWaitingSessions).toBe(false);
    expect(result.flow?.nodes.find((n) => n.id === 'menu')?.data).toMatchObject({
      retries: 2,
      buttonLabel: 'Ver opções',
    });
  });
});

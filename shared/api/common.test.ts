import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { updateRequestOf } from './common.ts';

describe('updateRequestOf', () => {
  const create = z.object({
    name: z.string().trim().min(1),
    flowId: z.string().nullable().default(null),
    markRead: z.boolean().default(true),
  });
  const update = updateRequestOf(create);

  it('leaves out what was not sent, where .partial() would fill in the create defaults', () => {
    expect(create.partial().parse({ name: 'x' })).toEqual({ name: 'x', flowId: null, markRead: true });
    expect(update.parse({ name: ' x ' })).toEqual({ name: 'x' });
    expect(update.parse({})).toEqual({});
  });

  it("keeps each field's rules: null clears only a nullable field", () => {
    expect(update.parse({ flowId: null })).toEqual({ flowId: null });
    expect(update.safeParse({ name: null }).success).toBe(false);
    expect(update.safeParse({ name: '' }).success).toBe(false);
    expect(update.safeParse({ markRead: 'yes' }).success).toBe(false);
  });
});

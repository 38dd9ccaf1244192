import { describe, expect, it } from 'vitest';
import { flowJsonSchema } from './json-schema.ts';
import { nodeTypes } from './nodes/index.ts';

describe('flowJsonSchema', () => {
  const schema = flowJsonSchema();

  it('is a plain JSON object describing the document', () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    // Input side: only fields without a default are required.
    expect(schema.required).toEqual(['name', 'nodes']);
  });

  it('names every node type', () => {
    const text = JSON.stringify(schema);
    for (const type of nodeTypes) expect(text).toContain(`"const":"${type}"`);
  });
});

import { describe, expect, it } from 'vitest';
import { nodeTypes } from '../../../shared/flow/nodes/index.ts';
import { paletteTypes } from './palette-groups.ts';

describe('palette groups', () => {
  it('offer every node type exactly once', () => {
    expect([...paletteTypes].sort()).toEqual([...nodeTypes].sort());
  });
});

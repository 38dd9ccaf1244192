import { describe, expect, it } from 'vitest';
import type { EditorEdge } from '../editor/state/types.ts';
import { linkedHandlesOf, linkedInput } from './linked-handles.ts';

const edge = (id: string, source: string, sourceHandle: string, target: string): EditorEdge => ({
  id,
  source,
  sourceHandle,
  target,
});

describe('linkedHandlesOf', () => {
  const edges = [edge('e1', 'a', 'opt-1', 'b'), edge('e2', 'a', 'invalid', 'c'), edge('e3', 'b', 'next', 'c')];

  it("lists a node's outputs in use and whether something enters it", () => {
    expect(linkedHandlesOf(edges, 'a').split('\n')).toEqual(['opt-1', 'invalid']);
    expect(linkedHandlesOf(edges, 'b').split('\n')).toEqual([linkedInput, 'next']);
    expect(linkedHandlesOf(edges, 'c')).toBe(linkedInput);
    expect(linkedHandlesOf(edges, 'lonely')).toBe('');
  });

  it('follows a new edges array', () => {
    expect(linkedHandlesOf(edges, 'c')).toBe(linkedInput);
    const more = [...edges, edge('e4', 'c', 'next', 'a')];
    expect(linkedHandlesOf(more, 'c').split('\n')).toEqual([linkedInput, 'next']);
    expect(linkedHandlesOf(more, 'a').split('\n')).toEqual(['opt-1', 'invalid', linkedInput]);
  });
});

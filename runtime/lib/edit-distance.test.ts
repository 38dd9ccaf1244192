import { describe, expect, it } from 'vitest';
import { editDistance } from './edit-distance.ts';

describe('editDistance', () => {
  it.each([
    ['simular', 'simular', 1, 0],
    ['simular', 'simulr', 1, 1],
    ['agendar', 'agnedar', 1, 1],
    ['financiamento', 'finamciamneto', 2, 2],
    ['casa', 'cama', 2, 1],
    ['', 'abc', 3, 3],
  ])('%j → %j within %i is %i', (a, b, max, expected) => {
    expect(editDistance(a, b, max)).toBe(expected);
  });

  it('stops at max + 1 when the words are further apart', () => {
    expect(editDistance('simular', 'avaliar', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

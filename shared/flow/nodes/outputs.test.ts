import { describe, expect, it } from 'vitest';
import { nodeTypes } from './kinds.ts';
import { outputsOfType } from './outputs.ts';

describe('outputsOfType', () => {
  it('gives a menu one output per option, then invalid and timeout', () => {
    expect(
      outputsOfType({
        type: 'menu',
        data: {
          options: [
            { id: 'a', title: 'A', synonyms: [] },
            { id: 'b', title: 'B', synonyms: [] },
          ],
        },
      }),
    ).toEqual(['opt-a', 'opt-b', 'invalid', 'timeout']);
  });

  it('gives a condition one output per rule, then else', () => {
    expect(
      outputsOfType({
        type: 'condition',
        data: { rules: [{ id: 'r1', variable: 'x', operator: 'equals', value: '1' }] },
      }),
    ).toEqual(['rule-r1', 'else']);
  });

  it('gives every other type its fixed outputs, a fresh array each time', () => {
    const fixed = nodeTypes.filter((t) => t !== 'menu' && t !== 'condition' && t !== 'message');
    const outputs = Object.fromEntries(fixed.map((type) => [type, outputsOfType({ type })]));
    expect(outputs).toMatchObject({
      start: ['next'],
      question: ['next', 'invalid', 'timeout'],
      http: ['ok', 'error'],
      end: [],
      note: [],
      goto: [],
    });
    outputsOfType({ type: 'start' }).push('changed');
    expect(outputsOfType({ type: 'start' })).toEqual(['next']);
  });
});

import { describe, expect, it } from 'vitest';
import { cleanJson, cleanText } from './clean-text.ts';

describe('cleanText', () => {
  it.each([
    ['keeps ordinary text, emoji and accents', 'Olá 👨‍👩‍👧‍👦 é', 'Olá 👨‍👩‍👧‍👦 é'],
    ['keeps tab, newline and carriage return', 'a\tb\nc\r\n', 'a\tb\nc\r\n'],
    ['drops NUL and BEL', 'a\u0000b\u0007c', 'abc'],
    ['replaces a lone high surrogate', 'x\ud83dy', 'x\ufffdy'],
    ['replaces a lone low surrogate', 'x\ude0dy', 'x\ufffdy'],
    ['replaces a high surrogate at the end', 'x\ud83d', 'x\ufffd'],
  ])('%s', (_label, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });
});

describe('cleanJson', () => {
  it('cleans nested strings and keys, and says so', () => {
    expect(cleanJson({ 'k\u0000': ['a\u0000', { b: 'x\ud83d' }], n: 1, t: true, z: null })).toEqual({
      value: { k: ['a', { b: 'x\ufffd' }], n: 1, t: true, z: null },
      changed: true,
    });
  });

  it('reports a clean value as unchanged', () => {
    expect(cleanJson({ a: ['b', 1] })).toEqual({ value: { a: ['b', 1] }, changed: false });
  });
});

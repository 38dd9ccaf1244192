import { describe, expect, it } from 'vitest';
import { splitText } from './split-text.ts';
import { truncate } from './truncate.ts';

describe('splitText', () => {
  it.each([
    ['short text stays whole', 'olá mundo', 20, ['olá mundo']],
    ['empty text is no message', '', 20, []],
    ['exactly the limit stays whole', 'a'.repeat(10), 10, ['a'.repeat(10)]],
    ['splits on the last space', 'aaaa bbbb cccc', 10, ['aaaa bbbb', 'cccc']],
    ['prefers a paragraph break', 'aaaaaaaa\n\nbb cc dd', 14, ['aaaaaaaa', 'bb cc dd']],
    ['prefers a line break over a space', 'aaaa aa\nbbb ccc', 12, ['aaaa aa', 'bbb ccc']],
    ['cuts a word longer than half the limit', 'abcdefghijklmnop', 6, ['abcdef', 'ghijkl', 'mnop']],
    ['never splits a surrogate pair', 'aaaa😍bb', 5, ['aaaa', '😍bb']],
  ])('%s', (_label, text, max, expected) => {
    expect(splitText(text, max)).toEqual(expected);
  });

  it('splits 65,536 characters of prose into messages of at most 4096, losing no word', () => {
    const words = Array.from({ length: 11_000 }, (_, i) => `palavra${i}`);
    const text = words.join(' ');
    const parts = splitText(text, 4096);
    expect(parts.length).toBeGreaterThan(20);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4096);
    expect(parts.join(' ').split(' ')).toEqual(words);
  });
});

describe('truncate', () => {
  it.each([
    ['keeps a text within the limit', 'Ver opções', 20, 'Ver opções'],
    ['marks a cut text with an ellipsis', 'Apartamento com 3 quartos', 20, 'Apartamento com 3 q…'],
    ['drops trailing space before the ellipsis', 'Apartamento com vista', 17, 'Apartamento com…'],
    ['does not split an emoji', 'abc😍def', 5, 'abc…'],
  ])('%s', (_label, text, max, expected) => {
    const out = truncate(text, max);
    expect(out).toBe(expected);
    expect(out.length).toBeLessThanOrEqual(max);
  });

  it('cuts ids without an ellipsis', () => {
    expect(truncate('x'.repeat(300), 256, { mark: false })).toBe('x'.repeat(256));
  });
});

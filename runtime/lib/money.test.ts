import { describe, expect, it } from 'vitest';
import { formatBRL } from './money.ts';

describe('formatBRL', () => {
  it.each([
    [123456, 'R$ 1.234,56'],
    [0, 'R$ 0,00'],
    [5, 'R$ 0,05'],
    [100, 'R$ 1,00'],
    [35000000, 'R$ 350.000,00'],
    [888488, 'R$ 8.884,88'],
    [100000000000, 'R$ 1.000.000.000,00'],
  ])('%d → %s', (cents, expected) => {
    expect(formatBRL(cents)).toBe(expected);
  });

  it('prints negatives with a sign and a plain space', () => {
    const text = formatBRL(-123456);
    expect(text).toMatch(/^-\s?R\$ 1\.234,56$/u);
    expect(text).not.toMatch(/[\u00a0\u202f]/u);
  });

  it('never contains a non-breaking space', () => {
    expect(formatBRL(99)).not.toMatch(/[\u00a0\u202f]/u);
  });
});

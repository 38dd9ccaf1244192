import { describe, expect, it } from 'vitest';
import { translate } from './index.ts';
import { pluralForm } from './plural.ts';

describe('pluralForm', () => {
  it('picks the singular for one and the plural for more, in each language', () => {
    expect(pluralForm('pt-BR', 1)).toBe('one');
    expect(pluralForm('pt-BR', 2)).toBe('other');
    expect(pluralForm('en', 1)).toBe('one');
    expect(pluralForm('en', 0)).toBe('other');
    expect(pluralForm('en', 2)).toBe('other');
    // Portuguese has a `many` form for millions; the studio writes those with the plural.
    expect(pluralForm('pt-BR', 1_000_000)).toBe('other');
  });

  it('gives the analytics chip "1 entrada"/"2 entradas" and "1 entry"/"2 entries"', () => {
    const entries = (locale: 'pt-BR' | 'en', n: number) =>
      translate(locale, `editor.analytics.entries.${pluralForm(locale, n)}`, { n });
    expect([entries('pt-BR', 1), entries('pt-BR', 2), entries('en', 1), entries('en', 2)]).toEqual([
      '1 entrada',
      '2 entradas',
      '1 entry',
      '2 entries',
    ]);
  });
});

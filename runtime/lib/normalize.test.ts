import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize.ts';

describe('normalizeText', () => {
  it.each([
    ['  Olá  ', 'ola'],
    ['SIMULAR   Financiamento', 'simular financiamento'],
    ['Não', 'nao'],
    ['Opção\t2\n', 'opcao 2'],
    ['ação çÇ ü', 'acao cc u'],
    ['', ''],
    ['   ', ''],
    ['👍', '👍'],
    // Already decomposed input (combining acute accent) folds the same way.
    ['a\u0301gua', 'agua'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

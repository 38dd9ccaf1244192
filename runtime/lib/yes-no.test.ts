import { describe, expect, it } from 'vitest';
import { parseYesNo } from './yes-no.ts';

describe('parseYesNo', () => {
  it.each([
    ['sim', true],
    ['Sim!', true],
    ['SIM', true],
    ['s', true],
    ['ss', true],
    ['claro', true],
    ['yes', true],
    ['Y', true],
    ['ok', true],
    ['OK.', true],
    ['👍', true],
    ['👍🏽', true],
    ['✅', true],
    ['  sim  ', true],
    ['sim, por favor', true],
    ['pode ser', true],
    ['sim, claro', true],
    ['Sim, claro!', true],
    ['isso mesmo', true],
    ['Não, valeu', false],
    ['nao precisa', false],
    ['não', false],
    ['Não!', false],
    ['nao', false],
    ['NÃO', false],
    ['n', false],
    ['no', false],
    ['👎', false],
    ['👎🏻', false],
    ['❌', false],
    ['não, obrigado', false],
  ])('%j → %s', (input, expected) => {
    expect(parseYesNo(input)).toBe(expected);
  });

  it.each([
    [''],
    ['talvez'],
    ['sim e não'],
    ['simulação'],
    ['nada'],
    ['s n'],
    ['🤔'],
    ['1'],
    ['x'.repeat(5000)],
    ['\u0000\u0001'],
    ['sim'.repeat(2000)],
  ])('%j → null', (input) => {
    expect(parseYesNo(input)).toBeNull();
  });
});

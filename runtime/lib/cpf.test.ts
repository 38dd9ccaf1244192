import { describe, expect, it } from 'vitest';
import { formatCPF, isValidCPF } from './cpf.ts';

/**
 * Check digits by the other textbook formulation (ascending weights, result mod 11 mod 10),
 * so a mistake in the code's descending-weight version cannot hide in the test too.
 */
function withCheckDigits(base9: string): string {
  const d = [...base9].map(Number);
  const dv1 = (d.reduce((sum, x, i) => sum + x * (i + 1), 0) % 11) % 10;
  const dv2 = ((d.reduce((sum, x, i) => sum + x * i, 0) + dv1 * 9) % 11) % 10;
  return `${base9}${dv1}${dv2}`;
}

// A fixed pseudo-random walk over 9-digit bases: deterministic, covers many digit patterns.
const bases = Array.from({ length: 40 }, (_, k) =>
  String((k * 7_919_191 + 12_345) % 1_000_000_000).padStart(9, '0'),
).filter((b) => !/^(\d)\1+$/u.test(b));

describe('isValidCPF', () => {
  it.each(bases.map((b) => [withCheckDigits(b)]))('accepts %s', (cpf) => {
    expect(isValidCPF(cpf)).toBe(true);
    expect(isValidCPF(formatCPF(cpf))).toBe(true);
  });

  it.each([['529.982.247-25'], ['52998224725'], [' 529 982 247 25 '], ['111.444.777-35']])(
    'accepts published example %j',
    (cpf) => {
      expect(isValidCPF(cpf)).toBe(true);
    },
  );

  it.each(
    bases.map((b) => {
      const valid = withCheckDigits(b);
      const wrongLast = (Number(valid[10]) + 1) % 10;
      return [valid.slice(0, 10) + wrongLast];
    }),
  )('rejects wrong check digit %s', (cpf) => {
    expect(isValidCPF(cpf)).toBe(false);
  });

  it.each([
    ['111.111.111-11'],
    ['00000000000'],
    ['99999999999'],
    ['529.982.247-2'],
    ['529.982.247-250'],
    ['529x982x247x25'],
    [''],
    ['abc'],
    ['👍'],
    ['1'.repeat(5000)],
  ])('rejects %j', (cpf) => {
    expect(isValidCPF(cpf)).toBe(false);
  });
});

describe('formatCPF', () => {
  it.each([
    ['52998224725', '529.982.247-25'],
    ['529.982.247-25', '529.982.247-25'],
    [' 529 982 247 25 ', '529.982.247-25'],
    [' 123 ', '123'],
  ])('%j → %j', (input, expected) => {
    expect(formatCPF(input)).toBe(expected);
  });
});

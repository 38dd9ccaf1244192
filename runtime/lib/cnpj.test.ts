import { describe, expect, it } from 'vitest';
import { formatCNPJ, isValidCNPJ } from './cnpj.ts';

const weights1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const weights2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

/** Check digits from the Receita's published weight tables, independent of the code's loop. */
function withCheckDigits(base12: string): string {
  const value = (c: string) => c.charCodeAt(0) - 48;
  const dv = (chars: string, weights: number[]) => {
    const sum = [...chars].reduce((acc, c, i) => acc + value(c) * (weights[i] ?? 0), 0);
    const r = 11 - (sum % 11);
    return r >= 10 ? 0 : r;
  };
  const dv1 = dv(base12, weights1);
  const dv2 = dv(base12 + dv1, weights2);
  return `${base12}${dv1}${dv2}`;
}

const bases = Array.from({ length: 30 }, (_, k) => String((k * 97_531_246_813 + 1_000_100) % 1e12).padStart(12, '0'));

describe('isValidCNPJ', () => {
  it.each(bases.map((b) => [withCheckDigits(b)]))('accepts %s', (cnpj) => {
    expect(isValidCNPJ(cnpj)).toBe(true);
    expect(isValidCNPJ(formatCNPJ(cnpj))).toBe(true);
  });

  it.each([['11.222.333/0001-81'], ['11222333000181'], ['12.ABC.345/01DE-35'], ['12abc34501de35']])(
    'accepts published example %j',
    (cnpj) => {
      expect(isValidCNPJ(cnpj)).toBe(true);
    },
  );

  it('accepts alphanumeric CNPJs computed independently', () => {
    for (const base of ['ABCDEFGHIJKL', 'Z1Y2X3W4V5U6', '00000000001A']) {
      expect(isValidCNPJ(withCheckDigits(base))).toBe(true);
    }
  });

  it.each(
    bases.map((b) => {
      const valid = withCheckDigits(b);
      return [valid.slice(0, 13) + ((Number(valid[13]) + 1) % 10)];
    }),
  )('rejects wrong check digit %s', (cnpj) => {
    expect(isValidCNPJ(cnpj)).toBe(false);
  });

  it.each([
    ['00.000.000/0000-00'],
    ['11111111111111'],
    ['11.222.333/0001-8'],
    ['11.222.333/0001-811'],
    ['11222333000181'.replace('81', 'AB')],
    ['11_222_333_0001_81'],
    [''],
    ['🙂'],
    ['9'.repeat(5000)],
  ])('rejects %j', (cnpj) => {
    expect(isValidCNPJ(cnpj)).toBe(false);
  });
});

describe('formatCNPJ', () => {
  it.each([
    ['11222333000181', '11.222.333/0001-81'],
    ['11.222.333/0001-81', '11.222.333/0001-81'],
    ['12abc34501de35', '12.ABC.345/01DE-35'],
    [' 42 ', '42'],
  ])('%j → %j', (input, expected) => {
    expect(formatCNPJ(input)).toBe(expected);
  });
});

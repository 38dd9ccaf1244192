import { describe, expect, it } from 'vitest';
import {
  annualToMonthlyRate,
  isValidFinancingInput,
  simulateFinancing,
  type FinancingSimulation,
} from './financing.ts';

/**
 * R$ 100.000 at 1% a.m. over 12 months, Price. Computed apart from this code with
 * Python's decimal module (50 digits, ROUND_HALF_UP): [installment, interest, amortization, balance].
 */
const price100k = [
  [888488, 100000, 788488, 9211512],
  [888488, 92115, 796373, 8415139],
  [888488, 84151, 804337, 7610802],
  [888488, 76108, 812380, 6798422],
  [888488, 67984, 820504, 5977918],
  [888488, 59779, 828709, 5149209],
  [888488, 51492, 836996, 4312213],
  [888488, 43122, 845366, 3466847],
  [888488, 34668, 853820, 2613027],
  [888488, 26130, 862358, 1750669],
  [888488, 17507, 870981, 879688],
  [888485, 8797, 879688, 0],
];

function rows(sim: FinancingSimulation) {
  return sim.installments.map((r) => [r.installmentCents, r.interestCents, r.amortizationCents, r.balanceCents]);
}

/** Invariants every table must keep, whatever the input. */
function expectConsistent(sim: FinancingSimulation, principalCents: number, months: number) {
  expect(sim.installments).toHaveLength(months);
  expect(sim.installments.at(-1)?.balanceCents).toBe(0);
  expect(sim.installments.reduce((s, r) => s + r.amortizationCents, 0)).toBe(principalCents);
  expect(sim.totalPaidCents).toBe(sim.installments.reduce((s, r) => s + r.installmentCents, 0));
  expect(sim.totalInterestCents).toBe(sim.installments.reduce((s, r) => s + r.interestCents, 0));
  for (const r of sim.installments) {
    expect(Number.isInteger(r.installmentCents)).toBe(true);
    expect(r.installmentCents).toBe(r.interestCents + r.amortizationCents);
  }
}

describe('simulateFinancing — Price', () => {
  it('matches the textbook R$ 100.000, 1% a.m., 12 months table row by row', () => {
    const sim = simulateFinancing({ system: 'price', principalCents: 10_000_000, monthlyRate: 0.01, months: 12 });
    expect(rows(sim)).toEqual(price100k);
    expect(sim.firstInstallmentCents).toBe(888488);
    expect(sim.lastInstallmentCents).toBe(888485);
    expect(sim.totalPaidCents).toBe(10661853);
    expect(sim.totalInterestCents).toBe(661853);
    expectConsistent(sim, 10_000_000, 12);
  });

  it.each([
    // [principal, rate, months, installment]: PMT = P·i/(1−(1+i)^−n) in Python decimal, half-up.
    [1_000_000, 0.02, 10, 111327],
    [500_000, 0.03, 4, 134514],
    [30_000_000, 0.008, 360, 254_448],
  ])('P=%d i=%d n=%d → installment %d', (principalCents, monthlyRate, months, installment) => {
    const sim = simulateFinancing({ system: 'price', principalCents, monthlyRate, months });
    expect(sim.firstInstallmentCents).toBe(installment);
    expect(sim.installments.slice(0, -1).every((r) => r.installmentCents === installment)).toBe(true);
    expect(Math.abs(sim.lastInstallmentCents - installment)).toBeLessThanOrEqual(months);
    expectConsistent(sim, principalCents, months);
  });
});

describe('simulateFinancing — SAC', () => {
  it('matches the closed form when every amount is exact', () => {
    // R$ 120.000, 1% a.m., 12 months: amortization 10.000, interest 1% of the falling balance.
    const sim = simulateFinancing({ system: 'sac', principalCents: 12_000_000, monthlyRate: 0.01, months: 12 });
    const expected = Array.from({ length: 12 }, (_, k) => {
      const balanceBefore = 12_000_000 - k * 1_000_000;
      return [1_000_000 + balanceBefore / 100, balanceBefore / 100, 1_000_000, balanceBefore - 1_000_000];
    });
    expect(rows(sim)).toEqual(expected);
    expect(sim.firstInstallmentCents).toBe(1_120_000);
    expect(sim.lastInstallmentCents).toBe(1_010_000);
    // Σ interest = i·A·n(n+1)/2
    expect(sim.totalInterestCents).toBe(0.01 * 1_000_000 * 78);
    expectConsistent(sim, 12_000_000, 12);
  });

  it('puts the amortization remainder in the last month', () => {
    const sim = simulateFinancing({ system: 'sac', principalCents: 100_000, monthlyRate: 0.015, months: 3 });
    // 1000,00 / 3 = 333,33 twice, then 333,34; interest 15,00, 10,00 (on 666,67 → 10,0001), 5,00 (on 333,34 → 5,0001).
    expect(rows(sim)).toEqual([
      [34833, 1500, 33333, 66667],
      [34333, 1000, 33333, 33334],
      [33834, 500, 33334, 0],
    ]);
  });

  it('rounds half-up, not half-even', () => {
    // 2,50 × 1% = 0,025 → 0,03 (half-even would give 0,02).
    const sim = simulateFinancing({ system: 'sac', principalCents: 250, monthlyRate: 0.01, months: 1 });
    expect(sim.installments[0]?.interestCents).toBe(3);
  });
});

describe('simulateFinancing — edge cases', () => {
  it.each(['price', 'sac'] as const)('%s with zero interest splits the principal', (system) => {
    const sim = simulateFinancing({ system, principalCents: 100_000, monthlyRate: 0, months: 3 });
    expect(sim.installments.map((r) => r.installmentCents)).toEqual([33333, 33333, 33334]);
    expect(sim.totalInterestCents).toBe(0);
    expectConsistent(sim, 100_000, 3);
  });

  it.each(['price', 'sac'] as const)('%s never overpays tiny principals', (system) => {
    const sim = simulateFinancing({ system, principalCents: 2, monthlyRate: 0, months: 4 });
    expect(sim.installments.map((r) => r.installmentCents)).toEqual([1, 1, 0, 0]);
    expectConsistent(sim, 2, 4);
  });

  it('handles a zero principal and a single month', () => {
    expectConsistent(simulateFinancing({ system: 'price', principalCents: 0, monthlyRate: 0.01, months: 5 }), 0, 5);
    const one = simulateFinancing({ system: 'price', principalCents: 10_000, monthlyRate: 0.01, months: 1 });
    expect(one.installments).toEqual([
      { number: 1, installmentCents: 10_100, interestCents: 100, amortizationCents: 10_000, balanceCents: 0 },
    ]);
  });

  it.each([
    [{ system: 'price' as const, principalCents: -1, monthlyRate: 0.01, months: 12 }],
    [{ system: 'price' as const, principalCents: 1.5, monthlyRate: 0.01, months: 12 }],
    [{ system: 'sac' as const, principalCents: 100, monthlyRate: -0.01, months: 12 }],
    [{ system: 'sac' as const, principalCents: 100, monthlyRate: Number.NaN, months: 12 }],
    [{ system: 'sac' as const, principalCents: 100, monthlyRate: 0.01, months: 0 }],
    [{ system: 'sac' as const, principalCents: 100, monthlyRate: 0.01, months: 12.5 }],
    [{ system: 'sac' as const, principalCents: 100, monthlyRate: 0.01, months: 5000 }],
  ])('rejects %j', (input) => {
    expect(isValidFinancingInput(input)).toBe(false);
    expect(() => simulateFinancing(input)).toThrow(RangeError);
  });
});

describe('annualToMonthlyRate', () => {
  it.each([
    [0, 0],
    [0.12682503013196977, 0.01], // 1.01^12 − 1
    [0.105, 0.0083552],
    [1, 0.0594631],
  ])('%d a.a. → %d a.m.', (annual, monthly) => {
    expect(annualToMonthlyRate(annual)).toBeCloseTo(monthly, 6);
  });

  it('compounds back to the annual rate', () => {
    expect((1 + annualToMonthlyRate(0.105)) ** 12 - 1).toBeCloseTo(0.105, 12);
  });
});

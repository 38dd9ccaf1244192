/**
 * Loan tables to the cent, as Brazilian banks print them.
 *
 * Rounding: every money amount is rounded to the cent half-up ("arredondamento comercial",
 * what bank spreadsheets' ROUND/ARRED does), at the moment it is computed — the month's
 * interest on the balance, the Price installment, the SAC amortization. The balance is
 * kept in whole cents, so each row is what the contact would see on a statement. The last
 * installment pays whatever balance is left plus its interest, so rounding never leaves a
 * cent open or paid twice. Totals are sums of the rounded installments, never recomputed
 * from formulas, so a table and its totals always agree.
 */
export type AmortizationSystem = 'price' | 'sac';

export interface FinancingInput {
  system: AmortizationSystem;
  principalCents: number;
  /** Monthly rate as a fraction: 0.01 is 1% a.m. */
  monthlyRate: number;
  months: number;
}

export interface Installment {
  /** 1-based month. */
  number: number;
  installmentCents: number;
  interestCents: number;
  amortizationCents: number;
  /** Balance left after this payment; 0 after the last one. */
  balanceCents: number;
}

export interface FinancingSimulation {
  firstInstallmentCents: number;
  lastInstallmentCents: number;
  totalPaidCents: number;
  totalInterestCents: number;
  installments: Installment[];
}

/** Longest term accepted: 100 years covers any real loan and bounds the table's size. */
export const maxFinancingMonths = 1200;

/** Half-up to an integer; toPrecision first so 2.4999999999999996 (really 2.5) rounds up. */
function roundCents(x: number): number {
  return Math.round(Number(x.toPrecision(15)));
}

/** Whether `simulateFinancing` can run on this input; the engine checks before calling. */
export function isValidFinancingInput(input: FinancingInput): boolean {
  return (
    Number.isSafeInteger(input.principalCents) &&
    input.principalCents >= 0 &&
    Number.isInteger(input.months) &&
    input.months >= 1 &&
    input.months <= maxFinancingMonths &&
    Number.isFinite(input.monthlyRate) &&
    input.monthlyRate >= 0 &&
    input.monthlyRate <= 10
  );
}

/** The constant amortization (SAC) or constant installment (Price) of every month but the last. */
function regularPayment({ system, principalCents: p, monthlyRate: i, months: n }: FinancingInput): number {
  if (system === 'sac' || i === 0) return roundCents(p / n);
  // PMT = P·i / (1 − (1+i)^−n)
  return roundCents((p * i) / (1 - (1 + i) ** -n));
}

/** Throws RangeError on input `isValidFinancingInput` rejects: that is a caller bug, not a contact's. */
export function simulateFinancing(input: FinancingInput): FinancingSimulation {
  if (!isValidFinancingInput(input)) throw new RangeError(`invalid financing input: ${JSON.stringify(input)}`);
  const { system, monthlyRate, months } = input;
  const regular = regularPayment(input);

  const installments: Installment[] = [];
  let balance = input.principalCents;
  for (let k = 1; k <= months; k++) {
    const interest = roundCents(balance * monthlyRate);
    const last = k === months;
    // Price with no interest amortizes like SAC: the installment is the amortization.
    const amortizesFixed = system === 'sac' || monthlyRate === 0;
    // Clamped to the balance: with a few cents over many months, rounding P/n up would
    // otherwise pay more than is owed before the last month.
    const amortization = last ? balance : Math.min(balance, amortizesFixed ? regular : regular - interest);
    balance -= amortization;
    installments.push({
      number: k,
      installmentCents: amortization + interest,
      interestCents: interest,
      amortizationCents: amortization,
      balanceCents: balance,
    });
  }

  const totalPaidCents = installments.reduce((sum, r) => sum + r.installmentCents, 0);
  return {
    firstInstallmentCents: installments[0]?.installmentCents ?? 0,
    lastInstallmentCents: installments.at(-1)?.installmentCents ?? 0,
    totalPaidCents,
    totalInterestCents: totalPaidCents - input.principalCents,
    installments,
  };
}

/**
 * The monthly rate equivalent to an annual effective rate, both as fractions:
 * (1 + a)^(1/12) − 1, so 0.1268 a.a. → ≈ 0.01 a.m. Brazilian housing loans quote the
 * effective annual rate ("taxa efetiva"); dividing by 12 would overstate the cost.
 */
export function annualToMonthlyRate(annual: number): number {
  return (1 + annual) ** (1 / 12) - 1;
}

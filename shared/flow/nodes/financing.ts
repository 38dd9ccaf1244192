import { z } from 'zod';
import { numberOrTemplate, variableName, whenWindowClosed } from '../common.ts';

export const amortizationSystems = ['price', 'sac', 'both'] as const;

export const financingData = z.object({
  windowClosed: whenWindowClosed,
  system: z.enum(amortizationSystems).default('both'),
  /** Each field takes a number or a template such as `{{valor_imovel}}`. */
  price: numberOrTemplate.default('{{valor_imovel}}'),
  downPayment: numberOrTemplate.default(0),
  /** Interest rate in percent, per `ratePeriod`. */
  rate: numberOrTemplate.default(10.5),
  ratePeriod: z.enum(['year', 'month']).default('year'),
  termMonths: numberOrTemplate.default(360),
  /** The simulation (first/last installment, totals) is stored here. */
  resultVariable: variableName.default('financiamento'),
});
export type FinancingData = z.infer<typeof financingData>;

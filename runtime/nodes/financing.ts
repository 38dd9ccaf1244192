import type { Executor } from '../executor.ts';
import { output } from '../executor.ts';
import type { StepContext } from '../context.ts';
import { annualToMonthlyRate, isValidFinancingInput, simulateFinancing } from '../lib/financing.ts';
import { formatBRL } from '../lib/money.ts';
import { parseNumberBR } from '../lib/number-br.ts';
import type { Json } from '../session.ts';

type System = 'price' | 'sac';

function numberFrom(value: number | string, ctx: StepContext): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return parseNumberBR(ctx.render(value));
}

const percent = (n: number) => `${n.toLocaleString('pt-BR', { maximumFractionDigits: 2 })}%`;

/**
 * Simulates Price and/or SAC, sends a readable summary and stores the numbers. The node
 * has only `next`, so unusable inputs (price not above the down payment...) are said
 * to the contact and stored as `erro` for a condition to check.
 */
export const financing: Executor<'financing'> = {
  enter(node, ctx) {
    const d = node.data;
    const price = numberFrom(d.price, ctx);
    const down = numberFrom(d.downPayment, ctx) ?? 0;
    const rate = numberFrom(d.rate, ctx);
    const months = numberFrom(d.termMonths, ctx);
    const principalCents = price === null ? NaN : Math.round((price - down) * 100);
    const wholeMonths = months === null ? NaN : Math.round(months);
    const monthlyRate = rate === null ? NaN : d.ratePeriod === 'year' ? annualToMonthlyRate(rate / 100) : rate / 100;
    const usable =
      down >= 0 &&
      principalCents > 0 &&
      isValidFinancingInput({ system: 'price', principalCents, monthlyRate, months: wholeMonths });
    if (price === null || !usable) {
      const erro = 'Não consegui simular com esses valores. Confira o valor do imóvel, a entrada e o prazo.';
      ctx.setVariable(d.resultVariable, { erro });
      ctx.send({ kind: 'text', text: erro });
      return output('next');
    }
    const systems: System[] = d.system === 'both' ? ['price', 'sac'] : [d.system];
    const result: Record<string, Json> = {
      valor_imovel: formatBRL(Math.round(price * 100)),
      entrada: formatBRL(Math.round(down * 100)),
      valor_financiado: formatBRL(principalCents),
      prazo_meses: wholeMonths,
      taxa_mensal: percent(monthlyRate * 100),
    };
    const lines = [
      `🏠 Simulação de financiamento`,
      `Valor financiado: ${formatBRL(principalCents)} em ${wholeMonths} meses (${percent(monthlyRate * 100)} ao mês)`,
    ];
    for (const system of systems) {
      const s = simulateFinancing({ system, principalCents, monthlyRate, months: wholeMonths });
      result[system] = {
        parcela_inicial: formatBRL(s.firstInstallmentCents),
        parcela_final: formatBRL(s.lastInstallmentCents),
        total_pago: formatBRL(s.totalPaidCents),
        total_juros: formatBRL(s.totalInterestCents),
        parcela_inicial_cents: s.firstInstallmentCents,
        parcela_final_cents: s.lastInstallmentCents,
        total_pago_cents: s.totalPaidCents,
        total_juros_cents: s.totalInterestCents,
      };
      const first = formatBRL(s.firstInstallmentCents);
      const installment =
        system === 'price'
          ? `parcelas fixas de ${first}`
          : `parcelas de ${first} a ${formatBRL(s.lastInstallmentCents)}`;
      lines.push(
        '',
        `*Tabela ${system === 'price' ? 'Price' : 'SAC'}*: ${installment}`,
        `Total pago: ${formatBRL(s.totalPaidCents)} (juros: ${formatBRL(s.totalInterestCents)})`,
      );
    }
    ctx.setVariable(d.resultVariable, result);
    ctx.send({ kind: 'text', text: lines.join('\n') });
    return output('next');
  },
};

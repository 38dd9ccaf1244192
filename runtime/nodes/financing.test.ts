import { describe, expect, it } from 'vitest';
import { buildFlow } from '../testing/build-flow.ts';
import { driver, texts } from '../testing/session-test-kit.ts';

const flow = (data: Record<string, unknown>) =>
  buildFlow([{ id: 'f', type: 'financing', data }], [], {
    variables: [{ name: 'valor_imovel', type: 'string', initial: '350.000,00' }],
  });

describe('financing', () => {
  it('simulates Price and SAC from pt-BR templates and stores formatted results', async () => {
    const d = driver(flow({ downPayment: '70.000', rate: 12, ratePeriod: 'year', termMonths: 360 }));
    const [summary] = texts(await d.send('oi'));
    expect(summary).toContain('Valor financiado: R$ 280.000,00 em 360 meses');
    expect(summary).toContain('Tabela Price');
    expect(summary).toContain('Tabela SAC');
    const result = d.session?.variables.financiamento as Record<string, Record<string, unknown>>;
    // SAC starts higher and decreases; Price is flat (bar the last cent adjustment).
    expect(result.sac?.parcela_inicial_cents as number).toBeGreaterThan(result.price?.parcela_inicial_cents as number);
    expect(result.sac?.parcela_final_cents as number).toBeLessThan(result.sac?.parcela_inicial_cents as number);
    expect(String(result.price?.total_pago)).toMatch(/^R\$ \d{1,3}(\.\d{3})*,\d{2}$/);
    expect(result.sac?.total_juros_cents as number).toBeLessThan(result.price?.total_juros_cents as number);
  });

  it('computes only the chosen system with a monthly rate', async () => {
    const d = driver(
      flow({ system: 'price', price: 12000, rate: 1, ratePeriod: 'month', termMonths: 12, resultVariable: 'sim' }),
    );
    await d.send('oi');
    const result = d.session?.variables.sim as Record<string, Record<string, unknown>>;
    expect(result.sac).toBeUndefined();
    // 12 000 at 1% a.m. over 12 months: the classic 1 066,19 installment.
    expect(result.price?.parcela_inicial).toBe('R$ 1.066,19');
  });

  it('says it cannot simulate unusable numbers instead of failing', async () => {
    const d = driver(flow({ price: 'abc' }));
    expect(texts(await d.send('oi'))[0]).toContain('Não consegui simular');
    expect(d.session?.variables.financiamento).toMatchObject({ erro: expect.any(String) });
  });
});

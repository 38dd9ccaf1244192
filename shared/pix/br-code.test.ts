import { describe, expect, it } from 'vitest';
import { buildBrCode, brCodeTxid } from './br-code.ts';
import { crc16Ccitt } from './crc16.ts';

/** The static BR Code worked example of the Banco Central's "Manual de Padrões para Iniciação do Pix". */
const bcbExample =
  '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D';

describe('buildBrCode', () => {
  it("reproduces the Banco Central's published example, CRC included", () => {
    expect(
      buildBrCode({
        key: '123e4567-e12b-12d1-a456-426655440000',
        merchantName: 'Fulano de Tal',
        merchantCity: 'BRASILIA',
      }),
    ).toBe(bcbExample);
  });

  it('checks the CRC the way readers do: over the text up to and including 6304', () => {
    expect(crc16Ccitt(bcbExample.slice(0, -4))).toBe('1D3D');
    // The standard check value of CRC-16/CCITT-FALSE.
    expect(crc16Ccitt('123456789')).toBe('29B1');
  });

  it('adds amount and txid, strips accents and cuts name and city to their limits', () => {
    const code = buildBrCode({
      key: 'pix@padaria.com.br',
      merchantName: 'Padaria São João da Esquina Doce',
      merchantCity: 'São José dos Campos',
      amountCents: 4590,
      txid: 'PED-2026-0001',
    });
    expect(code).toContain('540545.90');
    expect(code).toContain('5925Padaria Sao Joao da Esqui');
    expect(code).toContain('6015Sao Jose dos Ca');
    expect(code).toContain('62150511PED20260001');
    expect(crc16Ccitt(code.slice(0, -4))).toBe(code.slice(-4));
  });

  it('uses *** when there is no usable txid', () => {
    expect(brCodeTxid('---')).toBe('***');
    expect(brCodeTxid('a'.repeat(40))).toHaveLength(25);
  });
});

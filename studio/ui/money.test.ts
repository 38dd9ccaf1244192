import { describe, expect, it } from 'vitest';
import { centsToInput, formatReais, parseReais } from './money.ts';

describe('parseReais', () => {
  it.each([
    ['12,50', 1250],
    ['12,5', 1250],
    ['12', 1200],
    ['0,99', 99],
    ['R$ 1.234,56', 123456],
    ['1.234', 123400],
    ['12.50', 1250],
    ['  7,00 ', 700],
    ['1234567,89', 123456789],
  ])('reads %j as %i cents', (text, cents) => {
    expect(parseReais(text)).toBe(cents);
  });

  it.each(['', 'abc', '12,345', '-5', '1,2,3', '12.345.6', 'R$'])('rejects %j', (text) => {
    expect(parseReais(text)).toBeNull();
  });
});

describe('centsToInput and formatReais', () => {
  it('round-trips what the form shows', () => {
    expect(centsToInput(1250)).toBe('12,50');
    expect(centsToInput(5)).toBe('0,05');
    expect(parseReais(centsToInput(123456))).toBe(123456);
  });

  it('formats for display in reais', () => {
    expect(formatReais(123456).replace(/\s/g, ' ')).toBe('R$ 1.234,56');
  });
});

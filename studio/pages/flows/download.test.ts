import { describe, expect, it } from 'vitest';
import { slugify } from './download.ts';

describe('slugify', () => {
  it('drops accents and punctuation', () => {
    expect(slugify('Atendimento Imobiliária!')).toBe('atendimento-imobiliaria');
    expect(slugify('  Pão & Café — v2 ')).toBe('pao-cafe-v2');
  });

  it('never returns an empty name', () => {
    expect(slugify('!!!')).toBe('fluxo');
  });
});

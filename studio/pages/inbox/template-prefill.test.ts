import { describe, expect, it } from 'vitest';
import { fillBody, prefillParameters } from './template-prefill.ts';

describe('prefillParameters', () => {
  it('fills named parameters from the variables and the greeting with the first name', () => {
    expect(prefillParameters(['nome', 'imovel', 'hora'], { imovel: 'Casa 3', hora: 10 }, 'Bia Souza')).toEqual([
      'Bia',
      'Casa 3',
      '10',
    ]);
    expect(prefillParameters(['1', '2'], { cidade: 'Natal' }, 'Ana')).toEqual(['Ana', '']);
  });

  it('previews the body with what is filled, leaving the rest as placeholders', () => {
    expect(fillBody('Olá {{1}}, o imóvel {{2}} segue disponível.', ['1', '2'], ['Ana', ''])).toBe(
      'Olá Ana, o imóvel {{2}} segue disponível.',
    );
  });
});

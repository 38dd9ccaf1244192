import { describe, expect, it } from 'vitest';
import { variableRows } from './variables.ts';

describe('variableRows', () => {
  it('sorts by name and shows every kind of value as text', () => {
    expect(
      variableRows({
        nome: 'Carla',
        idade: 31,
        cliente: true,
        carrinho: [{ sku: 'P1', qtd: 2 }],
        cidade: null,
        email: '',
      }),
    ).toEqual([
      { name: 'carrinho', value: '[{"sku":"P1","qtd":2}]' },
      { name: 'cidade', value: null },
      { name: 'cliente', value: 'true' },
      { name: 'email', value: null },
      { name: 'idade', value: '31' },
      { name: 'nome', value: 'Carla' },
    ]);
  });

  it('gives nothing for no variables', () => {
    expect(variableRows({})).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { normalizePixKey, pixKeyType } from './pix-key.ts';

describe('normalizePixKey', () => {
  it.each([
    ['529.982.247-25', '52998224725', 'CPF'],
    ['11.222.333/0001-81', '11222333000181', 'CNPJ'],
    ['Loja@Exemplo.com.br', 'loja@exemplo.com.br', 'EMAIL'],
    ['+55 (11) 99876-5432', '+5511998765432', 'PHONE'],
    ['123E4567-E89B-12D3-A456-426614174000', '123e4567-e89b-12d3-a456-426614174000', 'EVP'],
  ])('accepts %s as %s (%s)', (input, key, type) => {
    expect(normalizePixKey(input)).toBe(key);
    expect(pixKeyType(key)).toBe(type);
  });

  it.each(['529.982.247-24', '111.111.111-11', '11.222.333/0001-80', 'loja@', '+1 555 0100', 'abc', ''])(
    'refuses %s',
    (input) => {
      expect(normalizePixKey(input)).toBeNull();
    },
  );
});

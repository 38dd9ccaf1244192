import { describe, expect, it } from 'vitest';
import { isValidEmail } from './email.ts';

describe('isValidEmail', () => {
  it.each([
    ['ana@gmail.com'],
    ['  ana.souza@empresa.com.br  '],
    ['ana+fluxo@sub.example.org'],
    ['ANA@GMAIL.COM'],
    ['joão@exemplo.com.br'],
    ['a@b.co'],
    ['contato@imobiliária.com.br'],
    ['first_last-99@my-domain.io'],
  ])('accepts %j', (email) => {
    expect(isValidEmail(email)).toBe(true);
  });

  it.each([
    [''],
    ['ana'],
    ['ana@gmail'],
    ['ana gmail.com'],
    ['ana@@gmail.com'],
    ['ana@gmail..com'],
    ['ana@-gmail.com'],
    ['ana@gmail.c'],
    ['ana@gmail.123'],
    ['.ana@gmail.com'],
    ['ana.@gmail.com'],
    ['an..a@gmail.com'],
    ['ana @gmail.com'],
    ['@gmail.com'],
    [`${'a'.repeat(65)}@gmail.com`],
    [`a@${'b'.repeat(5000)}.com`],
    ['👍'],
    ['\u0000@x.com'],
  ])('rejects %j', (email) => {
    expect(isValidEmail(email)).toBe(false);
  });
});

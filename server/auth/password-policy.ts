import { dictionary } from '@zxcvbn-ts/language-common';

export const minPasswordLength = 10;

/**
 * Passwords people pick often enough to be tried first by anyone guessing. The bulk is
 * zxcvbn's list of the most common leaked passwords (~49k, maintained upstream); only those of
 * the minimum length or longer matter, since shorter ones are refused anyway. The few below are
 * Brazilian favourites that the English-leaning list lacks.
 */
const brazilian = [
  'senha12345',
  'senha123456',
  'senha1234567',
  'minhasenha',
  'minhasenha123',
  'mudar12345',
  'mudar123456',
  'trocarsenha',
  'alterar123',
  'brasil1234',
  'brasil12345',
  'brasil2024',
  'brasil2025',
  'brasil2026',
  'flamengo123',
  'corinthians',
  'corinthians1',
  'palmeiras1',
  'saopaulo123',
  'vascodagama',
  'gremio1234',
  'cruzeiro123',
  'botafogo123',
  'fluminense',
  'santos1234',
  'internacional',
  'abcdefghij',
  'administrador',
  'admin12345',
  'admin123456',
  'fluxo12345',
  'fluxo123456',
  'whatsapp123',
  'whatsapp1234',
  'eusouforte',
  'teamo12345',
  'amorzinho1',
  'jesus12345',
  'deusefiel',
  'deuseamor',
  'deuseamor1',
  'gabriel123',
];

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  // Built on first use: decompressing the list takes ~100 ms, which a process that never
  // checks a password (a worker, most CLI commands) should not pay.
  common ??= new Set(
    [...dictionary['passwords-common'], ...brazilian]
      .filter((p) => p.length >= minPasswordLength)
      .map((p) => p.toLowerCase()),
  );
  return common;
}

/** Why a new password is refused (pt-BR, shown to the person choosing it), or null when it is fine. */
export function passwordProblem(password: string): string | null {
  if (password.length < minPasswordLength) return `A senha precisa de pelo menos ${minPasswordLength} caracteres.`;
  if (commonPasswords().has(password.toLowerCase())) {
    return 'Essa senha está entre as mais usadas e seria adivinhada logo; escolha outra.';
  }
  return null;
}

/**
 * Folds what a contact types into a comparable form: "  Simulação   FINANCIAMENTO " →
 * "simulacao financiamento". Accents are dropped because many people type without them
 * on the phone keyboard ("nao", "opcao"), and matching must not depend on that.
 */
export function normalizeText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

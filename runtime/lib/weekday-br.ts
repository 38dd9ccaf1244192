import { normalizeText } from './normalize.ts';

const names: Record<string, number> = {
  domingo: 0,
  segunda: 1,
  terca: 2,
  quarta: 3,
  quinta: 4,
  sexta: 5,
  sabado: 6,
};

/**
 * A weekday as Brazilians type it ("sexta", "sexta-feira", "na terça", "sábado que vem"):
 * 0 = domingo … 6 = sábado; null when the text is not one.
 */
export function parseWeekdayBR(text: string): number | null {
  const words = normalizeText(text)
    .replace(/[!.?]+$/u, '')
    .replace(/^(na|no|nessa|nesta|proxima|proximo)\s+/u, '')
    .replace(/\s+(que vem|agora)$/u, '')
    .replace(/-?feira$/u, '')
    .trim();
  return names[words] ?? null;
}

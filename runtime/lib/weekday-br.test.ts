import { describe, expect, it } from 'vitest';
import { parseWeekdayBR } from './weekday-br.ts';

describe('parseWeekdayBR', () => {
  it.each([
    ['sexta', 5],
    ['Sexta-feira', 5],
    ['na terça', 2],
    ['sábado que vem', 6],
    ['domingo', 0],
    ['quarta feira', 3],
  ])('%s → %d', (text, day) => expect(parseWeekdayBR(text)).toBe(day));

  it('is null for anything else', () => {
    expect(parseWeekdayBR('amanhã')).toBeNull();
    expect(parseWeekdayBR('sextas')).toBeNull();
  });
});

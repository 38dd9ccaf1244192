import { describe, expect, it } from 'vitest';
import { parseNumberWordsBR } from './number-words-br.ts';

describe('parseNumberWordsBR', () => {
  it.each([
    ['zero', 0],
    ['um', 1],
    ['uma', 1],
    ['dois', 2],
    ['duas', 2],
    ['três', 3],
    ['tres', 3],
    ['TRÊS', 3],
    ['quatro', 4],
    ['cinco', 5],
    ['seis', 6],
    ['sete', 7],
    ['oito', 8],
    ['nove', 9],
    ['dez', 10],
    ['onze', 11],
    ['doze', 12],
    ['treze', 13],
    ['quatorze', 14],
    ['catorze', 14],
    ['quinze', 15],
    ['dezesseis', 16],
    ['dezessete', 17],
    ['dezoito', 18],
    ['dezenove', 19],
    ['vinte', 20],
    ['vinte e um', 21],
    ['Trinta', 30],
    ['trinta e cinco', 35],
    ['noventa e nove', 99],
    ['cem', 100],
    ['cento e dez', 110],
    ['cento e vinte e três', 123],
    ['duzentas e duas', 202],
    ['novecentos e noventa e nove', 999],
    ['uma dúzia', 12],
    ['dúzia', 12],
    ['meia dúzia', 6],
    ['meia duzia', 6],
    ['duas dúzias', 24],
    ['  Duas!  ', 2],
  ])('%j → %d', (input, expected) => {
    expect(parseNumberWordsBR(input)).toBe(expected);
  });

  it.each([
    [''],
    ['e'],
    ['dois e'],
    ['e dois'],
    ['cinco e trinta'],
    ['vinte trinta'],
    ['vinte cinco'],
    ['cento'],
    ['cem e dez'],
    ['zero e um'],
    ['dez e dois'],
    ['meia'],
    ['meia dúzias'],
    ['uma dúzias'],
    ['zero dúzias'],
    ['dois gatos'],
    ['umas'],
    ['trinta e cinco e dois'],
  ])('%j → null', (input) => {
    expect(parseNumberWordsBR(input)).toBeNull();
  });
});

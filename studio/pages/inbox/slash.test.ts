import { describe, expect, it } from 'vitest';
import { slashMatches } from './slash.ts';

const replies = [
  { id: '1', title: 'Saudação' },
  { id: '2', title: 'Segunda via do boleto' },
  { id: '3', title: 'Despedida' },
];

describe('slashMatches', () => {
  it('is null for ordinary text, and every reply for "/" alone', () => {
    expect(slashMatches('oi /sa', replies)).toBeNull();
    expect(slashMatches('/', replies)?.map((r) => r.id)).toEqual(['1', '2', '3']);
  });

  it('matches part of a title without regard to case, in the team’s order', () => {
    expect(slashMatches('/BOLETO', replies)?.map((r) => r.id)).toEqual(['2']);
    expect(slashMatches('/da', replies)?.map((r) => r.id)).toEqual(['1', '2', '3']);
    expect(slashMatches('/desp', replies)?.map((r) => r.id)).toEqual(['3']);
    expect(slashMatches('/pix', replies)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { localDayOf, localDays, resolvePeriod, startOfDay } from './period.ts';

describe('dashboard periods in the settings time zone', () => {
  it('finds the start of a local day, daylight saving included', () => {
    expect(startOfDay('2026-11-20', 'America/Sao_Paulo').toISOString()).toBe('2026-11-20T03:00:00.000Z');
    expect(startOfDay('2026-11-20', 'Asia/Tokyo').toISOString()).toBe('2026-11-19T15:00:00.000Z');
    // New York springs forward on 2026-03-08 at 02:00: that midnight is still at -05:00, the next at -04:00.
    expect(startOfDay('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfDay('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(localDayOf(new Date('2026-11-20T02:59:59Z'), 'America/Sao_Paulo')).toBe('2026-11-19');
    expect(localDayOf(new Date('2026-11-20T03:00:00Z'), 'America/Sao_Paulo')).toBe('2026-11-20');
  });

  it('makes "7 days" today and the six before it, counted in the given zone', () => {
    const now = new Date('2026-11-20T01:00:00Z'); // still the 19th in São Paulo, already the 20th in Lisbon
    const sp = resolvePeriod({ days: 7 }, now, 'America/Sao_Paulo')!;
    expect(sp.from.toISOString()).toBe('2026-11-13T03:00:00.000Z');
    expect(localDays(sp.from, sp.to, 'America/Sao_Paulo')).toEqual([
      '2026-11-13',
      '2026-11-14',
      '2026-11-15',
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
    ]);
    const lisbon = resolvePeriod({ days: 7 }, now, 'Europe/Lisbon')!;
    expect(lisbon.from.toISOString()).toBe('2026-11-14T00:00:00.000Z');
    expect(localDays(lisbon.from, lisbon.to, 'Europe/Lisbon').at(-1)).toBe('2026-11-20');
    expect(resolvePeriod({ from: '2025-01-01T00:00:00Z' }, now, 'Europe/Lisbon')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { dayOf, periodOf, rangeOf, todayIn } from './week.ts';

describe('the Agenda page days, in the business time zone', () => {
  it('spans a week from Monday to the next Monday midnight of the zone, not the browser', () => {
    const days = periodOf('2026-11-26', 'week');
    expect(days).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    expect(rangeOf(days, 'America/Sao_Paulo')).toEqual({
      from: new Date('2026-11-23T03:00:00Z'),
      to: new Date('2026-11-30T03:00:00Z'),
    });
    expect(rangeOf(periodOf('2026-11-26', 'day'), 'Asia/Tokyo')).toEqual({
      from: new Date('2026-11-25T15:00:00Z'),
      to: new Date('2026-11-26T15:00:00Z'),
    });
  });

  it("puts a booking under the zone's day and takes today from the zone", () => {
    // 01:30 UTC is still the evening before in São Paulo.
    expect(dayOf('2026-11-24T01:30:00Z', 'America/Sao_Paulo')).toBe('2026-11-23');
    expect(dayOf('2026-11-24T01:30:00Z', 'Europe/Lisbon')).toBe('2026-11-24');
    expect(todayIn('America/Sao_Paulo', new Date('2026-11-24T02:00:00Z'))).toBe('2026-11-23');
  });
});

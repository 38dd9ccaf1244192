import { describe, expect, it } from 'vitest';
import { parseDateBR } from './date-br.ts';

// Wednesday 2025-03-12, 15:00 in São Paulo (UTC−3).
const now = new Date('2025-03-12T18:00:00Z');

describe('parseDateBR', () => {
  it.each([
    ['15/03/2025', '2025-03-15', '15/03/2025', 6],
    ['15/03/25', '2025-03-15', '15/03/2025', 6],
    ['5/4', '2025-04-05', '05/04/2025', 6],
    ['16-03-2025', '2025-03-16', '16/03/2025', 0],
    ['17.03.2025', '2025-03-17', '17/03/2025', 1],
    [' 17 / 3 / 2025 ', '2025-03-17', '17/03/2025', 1],
    ['2025-03-18', '2025-03-18', '18/03/2025', 2],
    ['29/02/2024', '2024-02-29', '29/02/2024', 4],
    ['15/03/85', '1985-03-15', '15/03/1985', 5],
    ['01/01/45', '2045-01-01', '01/01/2045', 0],
    ['hoje', '2025-03-12', '12/03/2025', 3],
    ['Hoje!', '2025-03-12', '12/03/2025', 3],
    ['amanhã', '2025-03-13', '13/03/2025', 4],
    ['AMANHA', '2025-03-13', '13/03/2025', 4],
    ['depois de amanhã', '2025-03-14', '14/03/2025', 5],
    ['depois  de amanha', '2025-03-14', '14/03/2025', 5],
  ])('%j → %s', (input, date, display, weekday) => {
    expect(parseDateBR(input, now)).toEqual({ date, display, weekday });
  });

  it.each([
    ['31/02/2025'],
    ['29/02/2025'],
    ['32/01/2025'],
    ['00/01/2025'],
    ['10/13/2025'],
    ['10/00/2025'],
    ['15/03/1800'],
    ['15/03/2500'],
    ['15/03/202'],
    ['15/03'.repeat(10)],
    ['ontem'],
    ['semana que vem'],
    [''],
    ['abc'],
    ['👍'],
    ['1/2/3/4'],
    ['2025-3-1'],
    ['x'.repeat(5000)],
    ['\u0000'],
  ])('%j → null', (input) => {
    expect(parseDateBR(input, now)).toBeNull();
  });

  it('uses the calendar day of the time zone, not of UTC', () => {
    // 02:00 UTC on the 13th is still 23:00 on the 12th in São Paulo.
    const lateNight = new Date('2025-03-13T02:00:00Z');
    expect(parseDateBR('hoje', lateNight)?.date).toBe('2025-03-12');
    expect(parseDateBR('hoje', lateNight, 'UTC')?.date).toBe('2025-03-13');
    expect(parseDateBR('amanhã', lateNight)?.weekday).toBe(4);
  });

  it('rolls over month and year ends', () => {
    const newYearsEve = new Date('2025-12-31T15:00:00Z');
    expect(parseDateBR('amanhã', newYearsEve)).toEqual({ date: '2026-01-01', display: '01/01/2026', weekday: 4 });
    expect(parseDateBR('depois de amanhã', newYearsEve)?.date).toBe('2026-01-02');
  });

  it('reads a day-month without a year as its next occurrence, today included', () => {
    expect(parseDateBR('20/03', now)?.date).toBe('2025-03-20');
    expect(parseDateBR('12/03', now)?.date).toBe('2025-03-12');
    expect(parseDateBR('11/03', now)?.date).toBe('2026-03-11');
    expect(parseDateBR('01/01', now)).toEqual({ date: '2026-01-01', display: '01/01/2026', weekday: 4 });
    // A year is taken as written, even in the past.
    expect(parseDateBR('01/01/2020', now)?.date).toBe('2020-01-01');
  });

  it('finds the next 29/02 only when it is next year', () => {
    expect(parseDateBR('29/02', new Date('2027-03-10T12:00:00Z'))?.date).toBe('2028-02-29');
    expect(parseDateBR('29/02', now)).toBeNull();
  });

  it('takes today for a day-month from the time zone', () => {
    const newYearUtc = new Date('2026-01-01T01:00:00Z'); // still 31/12/2025 in São Paulo
    expect(parseDateBR('31/12', newYearUtc)?.date).toBe('2025-12-31');
    expect(parseDateBR('31/12', newYearUtc, 'UTC')?.date).toBe('2026-12-31');
  });
});

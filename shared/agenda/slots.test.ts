import { describe, expect, it } from 'vitest';
import { agendaRules } from './agenda.ts';
import { freeSlots, isBookableStart, openDates, startTimes } from './slots.ts';
import { instantOf, wallTimeOf } from './zoned-time.ts';

const zone = 'America/Sao_Paulo';
const weekday = ['09:00', '10:30', '14:00', '16:30', '18:00'];
const visits = agendaRules.parse({
  name: 'Visitas',
  hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: ['09:00', '10:30', '14:00'] },
  closedDates: ['2026-11-25'],
  minNoticeMinutes: 120,
  horizonDays: 14,
});
// Monday 23/11/2026, 09:00 in São Paulo.
const now = new Date('2026-11-23T12:00:00Z');

describe('agenda slots', () => {
  it('cuts ranges into slots that end by the range end and merges single times', () => {
    const rules = agendaRules.parse({ name: 'Sala', slotMinutes: 45, hours: { mon: ['14:00-16:00', '08:00'] } });
    expect(startTimes(rules, 1)).toEqual(['08:00', '14:00', '14:45']);
    expect(startTimes(rules, 0)).toEqual([]);
  });

  it('reads wall-clock times in the business zone', () => {
    expect(instantOf('2027-03-20', '10:30', zone).toISOString()).toBe('2027-03-20T13:30:00.000Z');
    expect(instantOf('2026-07-01', '09:00', 'Europe/Lisbon').toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(wallTimeOf(new Date('2026-11-24T02:30:00Z'), zone)).toEqual({
      date: '2026-11-23',
      time: '23:30',
      weekday: 1,
    });
  });

  it('offers open days in the horizon only, without Sundays and blackout dates', () => {
    const days = openDates(visits, now, zone);
    expect(days[0]).toBe('2026-11-23');
    expect(days).not.toContain('2026-11-25');
    expect(days).not.toContain('2026-11-29');
    expect(days.at(-1)).toBe('2026-12-05');
  });

  it('leaves out slots in the past, within the minimum notice, and full ones', () => {
    const today = freeSlots(visits, '2026-11-23', now, zone, {});
    expect(today.map((s) => s.time)).toEqual(['14:00', '16:30', '18:00']);
    const taken = { [instantOf('2026-11-23', '16:30', zone).toISOString()]: 1 };
    expect(freeSlots(visits, '2026-11-23', now, zone, taken).map((s) => s.time)).toEqual(['14:00', '18:00']);
    expect(freeSlots(visits, '2026-11-22', now, zone, {})).toEqual([]);
    expect(freeSlots(visits, '2026-12-20', now, zone, {})).toEqual([]);
  });

  it('counts seats when a slot takes several bookings', () => {
    const room = agendaRules.parse({ name: 'Sala', capacity: 3, hours: { tue: ['10:00'] } });
    const at = instantOf('2026-11-24', '10:00', zone).toISOString();
    expect(freeSlots(room, '2026-11-24', now, zone, { [at]: 2 })).toEqual([
      { startsAt: at, date: '2026-11-24', time: '10:00', free: 1 },
    ]);
  });

  it('knows a bookable start from any other instant', () => {
    expect(isBookableStart(visits, instantOf('2026-11-24', '10:30', zone), now, zone)).toBe(true);
    expect(isBookableStart(visits, instantOf('2026-11-24', '10:31', zone), now, zone)).toBe(false);
    expect(isBookableStart(visits, instantOf('2026-11-23', '09:00', zone), now, zone)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { buildCalendar, foldLine, icsText, icsTime } from './icalendar.ts';

describe('iCalendar feed', () => {
  it('escapes TEXT values and writes UTC times', () => {
    expect(icsText('Visita; apto, 3\\4\nfim')).toBe('Visita\\; apto\\, 3\\\\4\\nfim');
    expect(icsTime(new Date('2027-03-20T13:30:00.000Z'))).toBe('20270320T133000Z');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const folded = foldLine(`DESCRIPTION:${'ã'.repeat(80)}`);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
    expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(`DESCRIPTION:${'ã'.repeat(80)}`);
  });

  it('writes a calendar with CRLF lines, one event per booking', () => {
    const ics = buildCalendar(
      'Visitas',
      [
        {
          uid: 'b1@fluxo',
          start: new Date('2027-03-20T13:30:00Z'),
          end: new Date('2027-03-20T14:30:00Z'),
          summary: 'Ana Souza',
          description: '+55 84 99123-0001',
          cancelled: false,
        },
      ],
      new Date('2027-03-01T00:00:00Z'),
    );
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain(
      '\r\nBEGIN:VEVENT\r\nUID:b1@fluxo\r\nDTSTAMP:20270301T000000Z\r\nDTSTART:20270320T133000Z\r\nDTEND:20270320T143000Z\r\n',
    );
    expect(ics).toContain('STATUS:CONFIRMED');
    expect(ics.replace(/\r\n/g, '').includes('\n')).toBe(false);
  });
});
